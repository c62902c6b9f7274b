# Installing Unknot like any Linux desktop app (`cmake --install`), and its Debian package
# (`cpack -G DEB`, made by scripts/package.sh): the program and its assets, the desktop entry,
# AppStream metainfo, the homework file type, the icons, the man page and the Debian docs.
# The app's id, io.github.unknot.Unknot, names the desktop file, the metainfo and the icon.
include(GNUInstallDirs)

set(UNKNOT_APP_ID io.github.unknot.Unknot)
set(packaging_src ${PROJECT_SOURCE_DIR}/packaging)
set(packaging_out ${PROJECT_BINARY_DIR}/packaging)

# The icons, rendered from packaging/icons/*.svg into the hicolor layout under share/icons, as
# installed: the program in src/ finds its window icon in ../share/icons, as /usr/bin/unknot
# finds /usr/share/icons.
file(GLOB icon_sources CONFIGURE_DEPENDS ${packaging_src}/icons/*.svg)
add_custom_command(
  OUTPUT ${PROJECT_BINARY_DIR}/share/icons/stamp
  COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/make-icons.sh ${PROJECT_BINARY_DIR}/share/icons
  COMMAND ${CMAKE_COMMAND} -E touch ${PROJECT_BINARY_DIR}/share/icons/stamp
  DEPENDS ${PROJECT_SOURCE_DIR}/scripts/make-icons.sh ${icon_sources}
  COMMENT "Rendering the icons"
  VERBATIM)
add_custom_target(unknot_icons ALL DEPENDS ${PROJECT_BINARY_DIR}/share/icons/stamp)
add_dependencies(unknot unknot_icons)

# Debian wants the man page and the changelog compressed, without a timestamp (gzip -n), so the
# same sources always give the same package.
function(unknot_gzip source output)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${packaging_out}
    COMMAND sh -c "gzip -9n -c \"$1\" > \"$2.tmp\" && mv -f \"$2.tmp\" \"$2\"" gzip ${source}
            ${output}
    DEPENDS ${source}
    VERBATIM)
endfunction()
unknot_gzip(${packaging_src}/unknot.1 ${packaging_out}/unknot.1.gz)
unknot_gzip(${packaging_src}/changelog ${packaging_out}/changelog.gz)
add_custom_target(unknot_docs ALL
  DEPENDS ${packaging_out}/unknot.1.gz ${packaging_out}/changelog.gz)

set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
install(TARGETS unknot RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# find_assets_dir() looks in ../share/unknot/assets beside bin/.
install(DIRECTORY assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/unknot/assets)
install(FILES ${packaging_src}/${UNKNOT_APP_ID}.desktop
  DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${packaging_src}/${UNKNOT_APP_ID}.metainfo.xml
  DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${packaging_src}/unknot-homework.xml
  DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME unknot.xml)
install(DIRECTORY ${PROJECT_BINARY_DIR}/share/icons/hicolor DESTINATION ${CMAKE_INSTALL_DATADIR}/icons)
install(FILES ${packaging_out}/unknot.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${packaging_out}/changelog.gz ${packaging_src}/copyright
  DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The Debian package. Its shared-library dependencies come from dpkg-shlibdeps; the fonts the
# app draws with are named here (the spoken cues are recorded files in the assets, so no speech
# package is needed at run time). The MIME, desktop and icon caches are refreshed by the file
# triggers of shared-mime-info, desktop-file-utils and the icon theme, as for any Debian app,
# so the package needs no maintainer scripts.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME unknot)
set(CPACK_PACKAGE_VENDOR "The Unknot developers")
set(CPACK_PACKAGE_CONTACT "The Unknot developers <unknot@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "trigger-point self-massage coach with paced breathing")
# The long description; CPack puts the summary above it as the synopsis.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "Unknot leads a timed trigger-point self-massage routine with a massage ball,
region by region and side by side, while a breathing pacer (a ring, soft tones
and spoken cues) sets a slow rhythm. Pain is rated before and after every
session and kept on this computer, with weekly trends, adherence and a report
for a clinician. Therapists can hand over homework as a .unknot file.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://github.com/unknot/unknot)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-inter, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
  "shared-mime-info, desktop-file-utils, hicolor-icon-theme, xdg-utils")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_STRIP_FILES TRUE)
include(CPack)
