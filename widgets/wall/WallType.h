#pragma once

#include <QFont>

namespace sitroom::widgets {

// The wall's type scale, in pixels, for reading from across the room: no
// text on the wall is smaller than kMinimumPx.
enum class WallType {
    Note,      // captions, details, stale notes
    Heading,   // provider names, figure captions
    Word,      // the lights' words
    Figure,    // the headline numbers
};

inline constexpr int kWallMinimumPx = 28;

inline int wallPixelSize(WallType type)
{
    switch (type) {
    case WallType::Note: return kWallMinimumPx;
    case WallType::Heading: return 40;
    case WallType::Word: return 64;
    case WallType::Figure: return 76;
    }
    return kWallMinimumPx;
}

// The base font (its family) at the type's size; bold but for notes.
inline QFont wallFont(WallType type, const QFont &base)
{
    QFont f(base);
    f.setPixelSize(wallPixelSize(type));
    f.setBold(type != WallType::Note);
    return f;
}

} // namespace sitroom::widgets
