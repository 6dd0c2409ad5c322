/* lex.h: the tokens of the shell's language (lex.c), for the parser. */
#ifndef SH_LEX_H
#define SH_LEX_H

enum token_kind {
    T_WORD, T_PIPE, T_OR, T_AMP, T_AND, T_SEMI, T_LPAREN, T_RPAREN,
    T_LESS, T_GREAT, T_DGREAT, T_LESSAND, T_GREATAND, T_LESSGREAT,
    T_NEWLINE, T_EOF, T_UNFINISHED
};

struct token {
    int kind;
    int start;          /* offsets in the text */
    int end;
    int io_number;      /* -1 when the redirection names no descriptor */
};

void lex_start(const char *text);
void lex(struct token *t);

#endif
