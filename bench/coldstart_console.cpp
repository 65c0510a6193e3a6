// sitroom-bench-coldstart-console: the console exactly as `sitroom` starts it
// (runConsole: options, language, theme, window, sign-in), which paints its
// first live frame (snapshot applied, window repainted), says so on stdout
// and quits. The cold-start benchmark (coldstart_bench.cpp) launches it in
// place of sitroom, so the production binary carries no benchmark hook.
#include "app/console/ConsoleApp.h"
#include "app/console/MainWindow.h"

#include "models/situation/SituationStore.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

using namespace sitroom;

int main(int argc, char *argv[])
{
    return console::runConsole(argc, argv, [](console::ConsoleApp &app) {
        const models::SituationStore &store = app.store();
        console::MainWindow &window = app.window();
        QObject::connect(&store, &models::SituationStore::stateChanged, &window, [&store, &window] {
            if (!store.hasSnapshot() || !store.isLive())
                return;
            window.repaint();
            QTextStream(stdout) << "first live frame\n" << Qt::flush;
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        });
    });
}
