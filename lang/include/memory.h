/* memory.h: an old spelling of <string.h>. */
#include <string.h>
