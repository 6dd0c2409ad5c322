// The guest shell's command language, one command line at a time through
// `sh -c`: lists, && and ||, pipelines, redirections, quoting, parameters,
// globbing, subshells, comments and syntax errors.
import { describe, expect, it } from 'vitest';
import { runShellArgs, sh } from './sh-harness.js';

/** stdout of a command line that must succeed with nothing on stderr. */
async function out(command: string, files: Record<string, string> = {}): Promise<string> {
  const r = await sh(command, { files });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('lists and conditionals', () => {
  it('runs ; && || in order, short-circuiting on the status', async () => {
    expect(await out('echo a; false && echo no; true && echo b; false || echo c; true || echo no')).toBe('a\nb\nc\n');
  });

  it('has $? of the last command, ! inverting it, and exit setting the status', async () => {
    expect(await out('false; echo $?; true; echo $?; ! false; echo $?; ! true; echo $?')).toBe('1\n0\n0\n1\n');
    const r = await sh('echo before; exit 7; echo after');
    expect([r.stdout, r.status]).toEqual(['before\n', 7]);
  });

  it('reports a command that does not exist with status 127', async () => {
    const r = await sh('nosuchcommand arg; echo $?');
    expect(r.stdout).toBe('127\n');
    expect(r.stderr).toBe('sh: nosuchcommand: command not found\n');
  });

  it('runs ( ) in a subshell whose changes stay there', async () => {
    expect(await out('cd /; x=1; (x=2; cd /bin; echo $x; exit 3); echo $? $x; pwd')).toBe('2\n3 1\n/\n');
  });

  it('continues a command over lines after | && || and inside quotes', async () => {
    expect(await out('echo a |\ncat &&\necho "b\nc"')).toBe('a\nb\nc\n');
  });

  it('ignores comments', async () => {
    expect(await out('# a comment\necho a # another\necho b#c')).toBe('a\nb#c\n');
  });

  it('rejects a syntax error with status 2 before running anything of that command', async () => {
    const r = await sh('echo a; echo b | ; echo c');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("sh: syntax error near unexpected token `;'\n");
    expect(r.status).toBe(2);
    const open = await sh("echo 'unclosed");
    expect(open.stderr).toBe('sh: syntax error: unexpected end of file\n');
    expect(open.status).toBe(2);
  });
});

describe('pipelines', () => {
  it('connects three and more stages', async () => {
    expect(await out('echo one two three | cat | wc -w')).toBe('3\n');
    expect(await out('yes | head -n 1000 | cat | cat | wc -l')).toBe('1000\n');
    expect(await out("printf_is_not_here 2>/dev/null | echo x | cat | sort | uniq -c")).toBe('      1 x\n');
  });

  it('has the status of its last command', async () => {
    expect(await out('false | true; echo $?; true | false; echo $?')).toBe('0\n1\n');
  });

  it('ends an endless writer with SIGPIPE when the reader is done', async () => {
    expect(await out('yes | head -n 2; echo $?')).toBe('y\ny\n0\n');
  });
});

describe('redirections', () => {
  it('writes, appends and reads files', async () => {
    expect(await out('echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f; wc -l < /tmp/f')).toBe('one\ntwo\n2\n');
  });

  it('truncates with > and creates with >>', async () => {
    expect(await out('echo long line > /tmp/f; echo s > /tmp/f; cat /tmp/f; echo n >> /tmp/g; cat /tmp/g')).toBe('s\nn\n');
  });

  it('sends stderr with 2> and 2>&1, in order', async () => {
    const r = await sh('cat /nothing 2> /tmp/err; echo status $?; cat /tmp/err; cat /nothing 2>&1 | wc -l; cat /nothing > /dev/null 2>&1; echo quiet');
    expect(r.stdout).toBe('status 1\ncat: /nothing: No such file or directory\n1\nquiet\n');
    expect(r.stderr).toBe('');
  });

  it('duplicates with >&2 and applies redirections left to right', async () => {
    const r = await sh('echo to-err >&2; echo kept 2>&1 >/dev/null');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('to-err\n');
  });

  it('redirects a builtin and restores the shell descriptors after it', async () => {
    expect(await out('pwd > /tmp/p; echo after; cat /tmp/p | wc -l')).toBe('after\n1\n');
  });

  it('keeps exec redirections for the rest of the shell', async () => {
    expect(await out('exec > /tmp/all; echo one; echo two; exec >&2; cat /tmp/all >/dev/null')).toBe('');
    const r = await sh('exec 3> /tmp/three; echo via3 >&3; cat /tmp/three');
    expect(r.stdout).toBe('via3\n');
  });

  it('reports a file it cannot open and skips the command', async () => {
    const r = await sh('cat < /nothing; echo $?');
    expect(r.stdout).toBe('1\n');
    expect(r.stderr).toBe('sh: /nothing: No such file or directory\n');
  });
});

describe('words', () => {
  it('removes quotes and backslashes', async () => {
    expect(await out(`echo 'a  b' "c  d" e\\ \\ f "\\$x \\"q\\"" '\\n'`)).toBe('a  b c  d e  f $x "q" \\n\n');
  });

  it('substitutes variables, splitting unquoted ones', async () => {
    expect(await out('x="1  2"; echo $x; echo "$x"; echo ${x}3; y=; echo "[$y]" [${y:-dflt}] [${unset-u}] ${#x}')).toBe(
      '1 2\n1  2\n1 23\n[] [dflt] [u] 4\n',
    );
  });

  it('passes exported variables and per-command assignments to commands', async () => {
    expect(await out('A=1; B=2; export B; C=3 env | grep "^[ABC]=" | sort; echo $C.')).toBe('B=2\nC=3\n.\n');
  });

  it('knows $$ (the shell, in subshells too), $0, $#, $@, $* and shift', async () => {
    expect(await out('echo $$; (echo $$) | cat')).toBe('1\n1\n');
    const r = await runShellArgs(['-c', 'echo $0 $# $1 "$2"; for_each "$@"; shift; echo $*; echo "$@" | wc -w', 'name', 'a', 'b  c', 'd']);
    expect(r.stdout).toBe('name 3 a b  c\nb c d\n3\n');
    expect(r.stderr).toBe('sh: for_each: command not found\n');
  });

  it('expands globs against directories, sorted, leaving a pattern without match as it is', async () => {
    const files = { 'b.c': '', 'a.c': '', 'c.h': '', '.hidden.c': '' };
    expect(await out('echo *.c; echo ?.h; echo [ab].c; echo *.none "*.c"', files)).toBe('a.c b.c\nc.h\na.c b.c\n*.none *.c\n');
  });

  it('expands ~ to $HOME', async () => {
    expect(await out('echo ~ ~/x "~"')).toBe('/ //x ~\n');
  });
});
