# The language catalogs: each language of po/LINGUAS has po/<code>.po, compiled by msgfmt
# (Debian's gettext) into ${PROJECT_BINARY_DIR}/locale/<code>/LC_MESSAGES/unknot.mo, where a
# build-tree app finds it (platform::find_locale_dir); installed to share/locale, and packaged
# into the browser build's data as /locale. `msgfmt --check` stops the build on a translation
# whose printf conversions or header are wrong; tests/CMakeLists.txt adds the completeness check
# (scripts/messages.sh check: every message of the code and content translated).
include(GNUInstallDirs)
find_program(UNKNOT_MSGFMT msgfmt REQUIRED)
file(STRINGS "${PROJECT_SOURCE_DIR}/po/LINGUAS" unknot_linguas REGEX "^[^#]")
string(REPLACE " " ";" unknot_linguas "${unknot_linguas}")
set(UNKNOT_LOCALE_DIR "${PROJECT_BINARY_DIR}/locale")
set(unknot_catalogs "")
foreach(code IN LISTS unknot_linguas)
  set(mo "${UNKNOT_LOCALE_DIR}/${code}/LC_MESSAGES/unknot.mo")
  add_custom_command(OUTPUT "${mo}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${UNKNOT_LOCALE_DIR}/${code}/LC_MESSAGES"
    COMMAND "${UNKNOT_MSGFMT}" --check -o "${mo}" "${PROJECT_SOURCE_DIR}/po/${code}.po"
    DEPENDS "${PROJECT_SOURCE_DIR}/po/${code}.po"
    COMMENT "Compiling the ${code} catalog"
    VERBATIM)
  list(APPEND unknot_catalogs "${mo}")
  if(NOT EMSCRIPTEN)
    install(FILES "${mo}" DESTINATION "${CMAKE_INSTALL_DATADIR}/locale/${code}/LC_MESSAGES")
  endif()
endforeach()
add_custom_target(unknot_locale ALL DEPENDS ${unknot_catalogs})
