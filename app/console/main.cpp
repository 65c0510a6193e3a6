// sitroom: the situation-room console. Its composition is ConsoleApp.
#include "app/console/ConsoleApp.h"

int main(int argc, char *argv[])
{
    return sitroom::console::runConsole(argc, argv);
}
