// A driver for the therapist's homework builder in app tests: therapist mode on, the library
// loaded, Settings open; presses, − and + by value, adding muscles, typing into fields.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "app/app_builders.h"
#include "app/bodymap_builders.h"
#include "app/builder_draft.h"
#include "app/builder_page.h"

namespace unknot::test {

struct BuilderDriver : Driver {
  explicit BuilderDriver(bool therapist = true) {
    (*this)(app::LibraryLoaded{asset_library(), asset_body_map()});
    (*this)(app::Resized{390, 844});
    model.therapist_mode = therapist;
    press(app::ControlKind::Settings);
  }
  BuilderDriver& operator()(const app::Action& a) {
    Driver::operator()(a);
    return *this;
  }
  BuilderDriver& press(app::ControlKind kind, int index = 0) {
    return (*this)(app::Activated{{kind, index}});
  }
  BuilderDriver& open() { return press(app::ControlKind::BuildHomework); }
  BuilderDriver& down(app::BuilderValue v, int times = 1) {
    for (int i = 0; i < times; ++i) press(app::ControlKind::BuilderDown, app::value_index(v));
    return *this;
  }
  BuilderDriver& up(app::BuilderValue v, int times = 1) {
    for (int i = 0; i < times; ++i) press(app::ControlKind::BuilderUp, app::value_index(v));
    return *this;
  }
  int pick_row(const std::string& id) const {
    const auto rows = app::builder_pick_rows(model);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].muscle->id == id) return static_cast<int>(i);
    }
    FAIL("no row for " << id);
    return -1;
  }
  BuilderDriver& add(const std::string& id) {
    press(app::ControlKind::AddMuscle);
    REQUIRE(std::holds_alternative<app::BuilderPickScreen>(model.screen));
    press(app::ControlKind::MusclePick, pick_row(id));
    return *this;
  }
  BuilderDriver& type(app::ControlKind field, int index, const std::string& text) {
    press(field, index);
    REQUIRE(app::editing_text(model));
    (*this)(app::TextTyped{text});
    return *this;
  }
  const app::HomeworkDraft& draft() const { return model.homework_draft; }
  const core::StepSpec& step(int i) const { return draft().steps.at(static_cast<std::size_t>(i)); }
  const app::BuilderScreen& builder() const { return std::get<app::BuilderScreen>(model.screen); }
  bool has(app::Control c) const {
    const auto list = app::controls(model);
    return std::find(list.begin(), list.end(), c) != list.end();
  }
};

}  // namespace unknot::test
