/* malloc.h: the allocator's declarations live in <stdlib.h>. */
#include <stdlib.h>
