/* sys/signal.h: an old spelling of <signal.h>. */
#include <signal.h>
