/* sys/fcntl.h: an old spelling of <fcntl.h>. */
#include <fcntl.h>
