// The layout pieces that keep a label whole in any language: buttons sized to their words, the
// tab bar, and a question's box. Measured with a plain monospaced stand-in (every character
// 10 dp wide at 100 %, twice that at 200 %), so the expected figures can be worked out by hand.
#include "app/page_layout.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "app/tab_bar.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

class Monospaced final : public TextMeasure {
 public:
  explicit Monospaced(float scale = 1) : scale_(scale) {}
  float line_height(Font font) const override { return line_height_dp(font) * scale_; }
  float width(std::string_view text, Font) const override {
    return static_cast<float>(text.size()) * 10 * scale_;
  }
  // Breaks at spaces; a word longer than the line is broken between characters.
  std::vector<std::string> lines(std::string_view text, Font font, float w) const override {
    std::vector<std::string> out;
    std::string line;
    const auto per_line = static_cast<std::size_t>(std::max(1.0f, w / (10 * scale_)));
    std::size_t i = 0;
    while (i < text.size()) {
      std::size_t end = text.find(' ', i);
      if (end == std::string_view::npos) end = text.size();
      std::string word(text.substr(i, end - i));
      i = end + 1;
      while (!word.empty()) {
        const std::string joined = line.empty() ? word : line + " " + word;
        if (width(joined, font) <= w) {
          line = joined;
          word.clear();
        } else if (!line.empty()) {
          out.push_back(line);
          line.clear();
        } else {
          out.push_back(word.substr(0, per_line));
          word.erase(0, per_line);
        }
      }
    }
    if (!line.empty()) out.push_back(line);
    return out;
  }

 private:
  float scale_;
};

}  // namespace

TEST_CASE("a button is as wide as its word with 16 dp each side, and never under its least") {
  const Monospaced t;
  CHECK(button_width(t, "Play") == doctest::Approx(72));
  CHECK(button_width(t, "Play", 80) == doctest::Approx(80));
  CHECK(button_width(t, "Reproducir") == doctest::Approx(132));
}

TEST_CASE("a button's label wraps onto more lines, and the button grows to hold them") {
  const Monospaced t;
  // 14 characters fit one line of a 200-wide button (8 dp each side).
  CHECK(button_height(t, "Continue today", 200) == doctest::Approx(56));
  // 29 characters do not: wrapped 16 dp in (168 wide: 16 characters a line), two lines of 22.
  CHECK(button_height(t, "No soreness or bruising today", 200) == doctest::Approx(2 * 22 + 16));
  // Never shorter than asked, even when two lines would be.
  CHECK(button_height(t, "No soreness or bruising today", 200, 64) == doctest::Approx(64));
}

TEST_CASE("a page's bottom button grows for a long label and the viewport gives up the room") {
  const Monospaced t;
  const Size phone{320, 568};
  const PageFrame plain = page_frame(phone, true);
  const PageFrame fits = page_frame(phone, t, "Continue");
  CHECK(fits.bottom.h == doctest::Approx(plain.bottom.h));
  CHECK(fits.viewport.h == doctest::Approx(plain.viewport.h));
  const PageFrame wrapped = page_frame(phone, t, "No soreness or bruising, thank you");
  CHECK(wrapped.bottom.h > plain.bottom.h);
  CHECK(wrapped.bottom.bottom() == doctest::Approx(plain.bottom.bottom()));
  CHECK(wrapped.viewport.bottom() ==
        doctest::Approx(plain.viewport.bottom() - (wrapped.bottom.h - plain.bottom.h)));
}

TEST_CASE("a top-bar button is as wide as its word, right-aligned, and stops short of the left") {
  const Monospaced t;
  const Rect bar{24, 12, 272, 48};
  const Rect sources = top_bar_button(t, bar, 68, bar.right(), "Fuentes");
  CHECK(sources.w == doctest::Approx(104));  // 70 + 32 is under the least, 104
  CHECK(sources.right() == doctest::Approx(bar.right()));
  const Rect longer = top_bar_button(t, bar, 40, bar.right(), "Referencias y fuentes");
  CHECK(longer.w == doctest::Approx(210 + 32));
  const Rect capped = top_bar_button(t, bar, 200, bar.right(), "Referencias y fuentes");
  CHECK(capped.x == doctest::Approx(200));
}

TEST_CASE("a question's answers sit side by side when their words fit, else one above the other") {
  const Monospaced t;
  const Size phone{360, 640};
  const Rect column = page_frame(phone, false).column;
  const DialogBox side = dialog_box(t, phone, column, "Delete?", "It goes.", "Keep", "Delete");
  CHECK_FALSE(side.stacked);
  CHECK(side.cancel.y == doctest::Approx(side.confirm.y));
  CHECK(side.cancel.right() < side.confirm.x);
  const DialogBox stacked =
      dialog_box(t, phone, column, "Delete?", "It goes.", "Keep it as it is", "Delete it now");
  CHECK(stacked.stacked);
  CHECK(stacked.cancel.bottom() < stacked.confirm.y);
  CHECK(stacked.confirm.w == doctest::Approx(stacked.box.w - 48));
  CHECK(stacked.confirm.bottom() <= stacked.box.bottom() - 24 + 0.5f);
  CHECK(stacked.title.box.bottom() <= stacked.body.box.y + 0.5f);
  CHECK(stacked.body.box.bottom() <= stacked.cancel.y + 0.5f);
}

TEST_CASE("a question too tall for the window at a large text size steps down to smaller type") {
  const Monospaced big(2);
  const Size phone{320, 568};
  const Rect column = page_frame(phone, false).column;
  // At 200 % the title's type and then the heading's are too tall here; the strong body style
  // with caption text fits.
  const std::string body(60, 'x');
  const DialogBox d =
      dialog_box(big, phone, column, "End this session now?", body, "Keep going", "End");
  CHECK(d.box.h <= phone.h - 16 + 0.5f);
  CHECK(d.title.font == Font::BodyStrong);
  CHECK(d.body.font == Font::Caption);
  CHECK(d.box.y >= 8 - 0.5f);
}

TEST_CASE("the tab bar keeps equal cells for short words, sizes cells to long ones, then wraps") {
  core::install_catalog({}, "en");
  const Monospaced t;
  SUBCASE("short words: four equal cells across the window, 8 dp in, one line, 64 high") {
    const TabBarLayout l = tab_bar_layout({400, 800}, t);
    CHECK(l.bar.h == doctest::Approx(kTabBarHeight));
    CHECK(l.home.x == doctest::Approx(8));
    CHECK(l.settings.right() == doctest::Approx(392));
    CHECK(l.home.w == doctest::Approx(96));
    CHECK(l.settings.w == doctest::Approx(96));
    for (const TextBlock& label : l.labels) CHECK(label.lines.size() == 1);
    CHECK(l.font == Font::BodyStrong);
  }
  SUBCASE("a word longer than a quarter: cells sized to the words, else wrapped") {
    // At 320 (304 across) the four need 56 + 96 + 86 + 96 = 334: more than the bar in either
    // style (the stand-in's caption is as wide as its body), so they wrap in equal cells.
    const TabBarLayout narrow = tab_bar_layout({320, 568}, t);
    CHECK(narrow.home.w == doctest::Approx(narrow.settings.w).epsilon(0.01));
    CHECK(narrow.bar.h > kTabBarHeight);
    for (int i = 0; i < kTabCount; ++i) {
      const Rect cells[] = {narrow.home, narrow.progress, narrow.history, narrow.settings};
      for (const std::string& line : narrow.labels[i].lines) {
        CHECK(t.width(line, narrow.font) <= cells[i].w - 16 + 0.5f);
      }
      CHECK(narrow.labels[i].box.y >= narrow.bar.y);
      CHECK(narrow.labels[i].box.bottom() <= narrow.bar.bottom());
    }
    // At 380 (364 across) "Progress" is over a quarter (91), but the four fit in cells sized
    // to them, each given a quarter of the 30 dp spare.
    const TabBarLayout sized = tab_bar_layout({380, 700}, t);
    CHECK(sized.bar.h == doctest::Approx(kTabBarHeight));
    CHECK(sized.home.w < sized.progress.w);
    CHECK(sized.progress.w - 96 == doctest::Approx(sized.home.w - 56).epsilon(0.02));
    CHECK(sized.settings.right() == doctest::Approx(372));
    for (const TextBlock& label : sized.labels) CHECK(label.lines.size() == 1);
  }
}

TEST_CASE("a page above the tab bar ends where the bar begins, however tall the bar grows") {
  core::install_catalog({}, "en");
  const Monospaced big(2);
  const Size phone{320, 568};
  const TabBarLayout bar = tab_bar_layout(phone, big);
  CHECK(bar.bar.h > kTabBarHeight);
  CHECK(tab_page_frame(phone, bar).viewport.bottom() == doctest::Approx(bar.bar.y));
}

}  // namespace unknot::app
