/* field.h: a field being built by expand.c, and the glob matching of one
 * (glob.c).  Each byte carries a flag saying whether it is an active glob
 * character (an unquoted * ? or [) or a literal one. */
#ifndef SH_FIELD_H
#define SH_FIELD_H

#define FIELD_MAX 4096

struct field {
    char buf[FIELD_MAX];
    char active[FIELD_MAX];
    int len;
    int started;       /* a quote or character was seen: the field exists even if empty */
    int has_glob;
    int drop_if_empty; /* "$@" with no parameters */
    int overflow;
};

struct fields {
    char **items;
    int count;
    int max;
};

int glob_field(struct field *f, struct fields *out);

#endif
