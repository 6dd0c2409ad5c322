/* parse.c: the shell's grammar, from tokens (lex.c) to a tree of nodes (sh.h).
 *
 *   list     := and_or ((';' | '&' | NEWLINE) and_or)* [';' | '&']
 *   and_or   := pipeline (('&&' | '||') NEWLINE* pipeline)*
 *   pipeline := ['!'] command ('|' NEWLINE* command)*
 *   command  := '(' list ')' redirect* | (WORD | redirect)+
 *   redirect := [DIGITS](< | > | >> | <& | >& | <>) WORD
 *
 * Running out of text where the grammar needs more (an open quote, a
 * trailing | && ||, an unclosed parenthesis) is PARSE_INCOMPLETE, so the
 * caller can read another line and try again.  Nodes live in the arena. */
#include <stdio.h>
#include <string.h>
#include "sh.h"
#include "lex.h"

static const char *src;
static struct token look;
static int have_look;
static int status;   /* PARSE_OK, or the first problem met */
static int last_end; /* end of the last token consumed */

static struct token *peek(void)
{
    if (!have_look) {
        lex(&look);
        have_look = 1;
        if (look.kind == T_UNFINISHED && status == PARSE_OK)
            status = PARSE_INCOMPLETE;
    }
    return &look;
}

static void consume(void)
{
    peek();
    last_end = look.end;
    have_look = 0;
}

static const char *token_text(struct token *t)
{
    switch (t->kind) {
    case T_NEWLINE: return "newline";
    case T_EOF: return "end of file";
    default: return NULL;
    }
}

/* Records a syntax error at token t (or, at the end of the text, that more
 * input is needed). */
static void syntax_error(struct token *t)
{
    const char *named;
    if (status != PARSE_OK)
        return;
    if (t->kind == T_EOF || t->kind == T_UNFINISHED) {
        status = PARSE_INCOMPLETE;
        return;
    }
    status = PARSE_ERROR;
    named = token_text(t);
    if (named != NULL)
        sh_error("syntax error near unexpected token `%s'", named);
    else
        sh_error("syntax error near unexpected token `%.*s'", t->end - t->start, src + t->start);
}

/* The arena is full: the command is too long to hold. */
static void out_of_room(void)
{
    if (status == PARSE_OK) {
        status = PARSE_ERROR;
        sh_error("command too long");
    }
}

static struct node *new_node(int kind, struct node *left, struct node *right)
{
    struct node *n = arena_alloc(sizeof *n);
    if (n == NULL) {
        out_of_room();
        return NULL;
    }
    n->kind = kind;
    n->left = left;
    n->right = right;
    return n;
}

static void skip_newlines(void)
{
    while (peek()->kind == T_NEWLINE)
        consume();
}

static int is_redirection(int kind)
{
    return kind == T_LESS || kind == T_GREAT || kind == T_DGREAT || kind == T_LESSAND || kind == T_GREATAND ||
           kind == T_LESSGREAT;
}

/* redirect := [DIGITS] op WORD; appends it to *list. */
static void parse_redirect(struct redir **list)
{
    struct token op = *peek();
    struct redir *r;
    struct redir **tail;
    consume();
    if (peek()->kind != T_WORD) {
        syntax_error(peek());
        return;
    }
    r = arena_alloc(sizeof *r);
    if (r == NULL) {
        out_of_room();
        return;
    }
    switch (op.kind) {
    case T_LESS: r->op = R_IN; break;
    case T_GREAT: r->op = R_OUT; break;
    case T_DGREAT: r->op = R_APPEND; break;
    case T_LESSAND: r->op = R_DUPIN; break;
    case T_GREATAND: r->op = R_DUPOUT; break;
    default: r->op = R_RDWR; break;
    }
    if (op.io_number >= 0)
        r->fd = op.io_number;
    else
        r->fd = (r->op == R_IN || r->op == R_DUPIN || r->op == R_RDWR) ? 0 : 1;
    r->word = arena_strndup(src + peek()->start, peek()->end - peek()->start);
    consume();
    for (tail = list; *tail != NULL; tail = &(*tail)->next)
        ;
    *tail = r;
}

static struct node *parse_list(void);

/* command := '(' list ')' redirect* | (WORD | redirect)+ */
static struct node *parse_simple_or_subshell(void)
{
    struct node *n;
    char *words[MAX_WORDS];
    int count = 0;
    if (peek()->kind == T_LPAREN) {
        struct node *inner;
        consume();
        inner = parse_list();
        if (status != PARSE_OK)
            return NULL;
        if (peek()->kind != T_RPAREN) {
            syntax_error(peek());
            return NULL;
        }
        consume();
        n = new_node(N_SUBSHELL, inner, NULL);
        while (n != NULL && status == PARSE_OK && is_redirection(peek()->kind))
            parse_redirect(&n->redirs);
        return n;
    }
    n = new_node(N_CMD, NULL, NULL);
    while (n != NULL && status == PARSE_OK) {
        struct token *t = peek();
        if (t->kind == T_WORD) {
            if (count == MAX_WORDS) {
                status = PARSE_ERROR;
                sh_error("too many words in a command");
                return NULL;
            }
            words[count] = arena_strndup(src + t->start, t->end - t->start);
            if (words[count++] == NULL) {
                out_of_room();
                return NULL;
            }
            consume();
        } else if (is_redirection(t->kind)) {
            parse_redirect(&n->redirs);
        } else {
            break;
        }
    }
    if (status != PARSE_OK || n == NULL)
        return NULL;
    if (count == 0 && n->redirs == NULL) {
        syntax_error(peek());
        return NULL;
    }
    n->words = arena_alloc((count + 1) * sizeof(char *));
    if (n->words == NULL) {
        out_of_room();
        return NULL;
    }
    memcpy(n->words, words, count * sizeof(char *));
    n->nwords = count;
    return n;
}

static char *span(int from)
{
    return arena_strndup(src + from, last_end - from);
}

/* pipeline := ['!'] command ('|' NEWLINE* command)* */
static struct node *parse_pipeline(void)
{
    int start = peek()->start;
    int negate = 0;
    struct node *first, *n;
    struct node **tail;
    if (peek()->kind == T_WORD && peek()->end - peek()->start == 1 && src[peek()->start] == '!') {
        negate = 1;
        consume();
    }
    first = parse_simple_or_subshell();
    n = first;
    tail = &n;
    while (status == PARSE_OK && peek()->kind == T_PIPE) {
        struct node *next;
        consume();
        skip_newlines();
        next = parse_simple_or_subshell();
        if (status != PARSE_OK)
            return NULL;
        *tail = new_node(N_PIPE, *tail, next);
        if (*tail == NULL)
            return NULL;
        tail = &(*tail)->right;
    }
    if (status != PARSE_OK)
        return NULL;
    n->text = span(start);
    if (negate) {
        n = new_node(N_NOT, n, NULL);
        if (n != NULL)
            n->text = span(start);
    }
    return n;
}

/* and_or := pipeline (('&&' | '||') NEWLINE* pipeline)* */
static struct node *parse_and_or(void)
{
    int start = peek()->start;
    struct node *n = parse_pipeline();
    while (status == PARSE_OK && (peek()->kind == T_AND || peek()->kind == T_OR)) {
        int kind = peek()->kind == T_AND ? N_AND : N_OR;
        struct node *right;
        consume();
        skip_newlines();
        right = parse_pipeline();
        if (status != PARSE_OK)
            return NULL;
        n = new_node(kind, n, right);
        if (n != NULL)
            n->text = span(start);
    }
    return status == PARSE_OK ? n : NULL;
}

/* list := and_or ((';' | '&' | NEWLINE) and_or)* [';' | '&'], as a chain of
 * N_SEQ / N_BG nodes whose right is the rest of the list. */
static struct node *parse_list(void)
{
    struct node *head = NULL;
    struct node **tail = &head;
    skip_newlines();
    while (status == PARSE_OK && peek()->kind != T_EOF && peek()->kind != T_RPAREN) {
        struct node *item = parse_and_or();
        int kind = N_SEQ;
        if (status != PARSE_OK)
            return NULL;
        if (peek()->kind == T_AMP)
            kind = N_BG;
        if (peek()->kind == T_AMP || peek()->kind == T_SEMI) {
            consume();
        } else if (peek()->kind != T_NEWLINE && peek()->kind != T_EOF && peek()->kind != T_RPAREN) {
            syntax_error(peek());
            return NULL;
        }
        skip_newlines();
        *tail = new_node(kind, item, NULL);
        if (*tail == NULL)
            return NULL;
        tail = &(*tail)->right;
    }
    return head;
}

/* Parses the whole of text.  PARSE_OK with *out the tree (NULL for an empty
 * command), PARSE_INCOMPLETE, or PARSE_ERROR (already reported). */
int parse_command(const char *text, struct node **out)
{
    lex_start(text);
    src = text;
    have_look = 0;
    status = PARSE_OK;
    last_end = 0;
    *out = parse_list();
    if (status == PARSE_OK && peek()->kind != T_EOF)
        syntax_error(peek());
    return status;
}
