#include "tests/app/screenshots/ShotStudio.h"

#include "tests/support/LayoutSettling.h"

#include "widgets/chart/TimeSeriesChart.h"

#include <QApplication>
#include <QDir>
#include <QPainter>
#include <QPixmap>
#include <QTest>

namespace sitroom::shots {

bool drawn(QWidget &window, QString *error, int timeoutMs)
{
    if (!testing::settleLayout(window, timeoutMs)) {
        *error = QStringLiteral("%1 still moves after %2 ms").arg(window.objectName()).arg(timeoutMs);
        return false;
    }
    const QList<widgets::TimeSeriesChart *> charts = window.findChildren<widgets::TimeSeriesChart *>();
    const bool done = QTest::qWaitFor([&charts] {
        QCoreApplication::sendPostedEvents();  // a chart's layout may ask for one more rebuild
        for (const widgets::TimeSeriesChart *chart : charts) {
            if (chart->isVisible() && (chart->rebuildCount() == 0 || chart->rebuildPending()))
                return false;
        }
        return true;
    }, timeoutMs);
    if (!done)
        *error = QStringLiteral("a chart in %1 did not finish drawing within %2 ms").arg(window.objectName()).arg(timeoutMs);
    return done && testing::settleLayout(window, timeoutMs);
}

QImage withTitleBar(QWidget &window)
{
    constexpr int kBar = 32;
    const QPixmap body = window.grab();
    QImage shot(body.width(), body.height() + kBar, QImage::Format_RGB32);
    shot.fill(QColor(0x2b, 0x2f, 0x36));
    QPainter p(&shot);
    QFont font = window.font();
    font.setPointSizeF(11.0);
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(QRect(12, 0, body.width() - 24, kBar), Qt::AlignVCenter | Qt::AlignLeft, window.windowTitle());
    p.drawPixmap(0, kBar, body);
    return shot;
}

QImage withDialog(QWidget &window, QWidget &dialog)
{
    QImage shot = withTitleBar(window);
    QPainter p(&shot);
    p.fillRect(shot.rect(), QColor(0, 0, 0, 90));  // the window behind a modal dialog
    const QPixmap box = dialog.grab();
    const QPoint at((shot.width() - box.width()) / 2, (shot.height() - box.height()) / 2);
    p.setPen(QColor(0x60, 0x66, 0x70));
    p.drawRect(QRect(at - QPoint(1, 1), box.size() + QSize(1, 1)));
    p.drawPixmap(at, box);
    return shot;
}

bool save(const QImage &image, const QString &dir, const QString &name, QString *error)
{
    const QString path = QDir(dir).filePath(name);
    if (image.save(path))
        return true;
    *error = QStringLiteral("cannot write %1").arg(path);
    return false;
}

} // namespace sitroom::shots
