/* lex.c: the shell's tokens.  A word runs to an unquoted blank or operator
 * character, and keeps its quotes and backslashes for expand.c; '#' at the
 * start of a word begins a comment; digits right before < or > name the
 * descriptor a redirection applies to.  A quote or ${ left open at the end of
 * the text is T_UNFINISHED: more input may complete it. */
#include <string.h>
#include "lex.h"

static const char *src;
static int pos;

void lex_start(const char *text)
{
    src = text;
    pos = 0;
}

static int is_blank(int c)
{
    return c == ' ' || c == '\t';
}

static int is_operator_char(int c)
{
    return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')' || c == '\n';
}

/* Skips a quoted part starting at src[pos] (a quote or "${"); 0 when the text
 * ends before it closes. */
static int skip_quoted(void)
{
    char c = src[pos];
    if (c == '\'') {
        const char *close = strchr(src + pos + 1, '\'');
        if (close == NULL)
            return 0;
        pos = close - src + 1;
        return 1;
    }
    if (c == '"') {
        for (pos++; src[pos] != '"'; pos++) {
            if (src[pos] == '\0')
                return 0;
            if (src[pos] == '\\' && src[pos + 1] != '\0')
                pos++;
        }
        pos++;
        return 1;
    }
    /* ${...} */
    {
        const char *close = strchr(src + pos, '}');
        if (close == NULL)
            return 0;
        pos = close - src + 1;
        return 1;
    }
}

/* Reads the operator at src[pos] into t. */
static void lex_operator(struct token *t)
{
    char c = src[pos], d = src[pos + 1];
    int len = 1;
    switch (c) {
    case '|':
        t->kind = d == '|' ? T_OR : T_PIPE;
        len = d == '|' ? 2 : 1;
        break;
    case '&':
        t->kind = d == '&' ? T_AND : T_AMP;
        len = d == '&' ? 2 : 1;
        break;
    case ';':
        t->kind = T_SEMI;
        break;
    case '(':
        t->kind = T_LPAREN;
        break;
    case ')':
        t->kind = T_RPAREN;
        break;
    case '\n':
        t->kind = T_NEWLINE;
        break;
    case '<':
        if (d == '&') { t->kind = T_LESSAND; len = 2; }
        else if (d == '>') { t->kind = T_LESSGREAT; len = 2; }
        else t->kind = T_LESS;
        break;
    default: /* '>' */
        if (d == '>') { t->kind = T_DGREAT; len = 2; }
        else if (d == '&') { t->kind = T_GREATAND; len = 2; }
        else if (d == '|') { t->kind = T_GREAT; len = 2; }
        else t->kind = T_GREAT;
        break;
    }
    pos += len;
}

static int all_digits(int from, int to)
{
    int i;
    for (i = from; i < to; i++)
        if (src[i] < '0' || src[i] > '9')
            return 0;
    return to > from;
}

void lex(struct token *t)
{
    t->io_number = -1;
    for (;;) {
        while (is_blank(src[pos]))
            pos++;
        if (src[pos] == '\\' && src[pos + 1] == '\n') {
            pos += 2;
            continue;
        }
        if (src[pos] == '#') {
            while (src[pos] != '\0' && src[pos] != '\n')
                pos++;
        }
        break;
    }
    t->start = pos;
    if (src[pos] == '\0') {
        t->kind = T_EOF;
        t->end = pos;
        return;
    }
    if (is_operator_char(src[pos])) {
        lex_operator(t);
        t->end = pos;
        return;
    }
    while (src[pos] != '\0' && !is_blank(src[pos]) && !is_operator_char(src[pos])) {
        if (src[pos] == '\\') {
            if (src[pos + 1] == '\0') {
                t->kind = T_UNFINISHED;
                return;
            }
            pos += 2;
        } else if (src[pos] == '\'' || src[pos] == '"' || (src[pos] == '$' && src[pos + 1] == '{')) {
            if (!skip_quoted()) {
                t->kind = T_UNFINISHED;
                return;
            }
        } else {
            pos++;
        }
    }
    t->end = pos;
    t->kind = T_WORD;
    if ((src[pos] == '<' || src[pos] == '>') && all_digits(t->start, t->end) && t->end - t->start <= 4) {
        int fd = 0, i;
        for (i = t->start; i < t->end; i++)
            fd = fd * 10 + (src[i] - '0');
        lex_operator(t);
        t->io_number = fd;
        t->end = pos;
    }
}
