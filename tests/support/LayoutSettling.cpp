#include "tests/support/LayoutSettling.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QWidget>

#include <vector>

namespace sitroom::testing {

namespace {

struct Placement
{
    const QWidget *widget;
    QRect geometry;
    bool visible;
    bool operator==(const Placement &) const = default;
};

std::vector<Placement> placements(const QWidget &window)
{
    std::vector<Placement> out{{&window, window.geometry(), window.isVisible()}};
    for (const QWidget *w : window.findChildren<QWidget *>())
        out.push_back({w, w->geometry(), w->isVisible()});
    return out;
}

} // namespace

bool settleLayout(QWidget &window, int timeoutMs)
{
    constexpr int kStablePasses = 2;
    const QDeadlineTimer deadline(timeoutMs);
    std::vector<Placement> before = placements(window);
    int stable = 0;
    while (!deadline.hasExpired()) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        std::vector<Placement> after = placements(window);
        stable = after == before ? stable + 1 : 0;
        if (stable >= kStablePasses)
            return true;
        before = std::move(after);
    }
    return false;
}

} // namespace sitroom::testing
