// The text tools of /bin against what GNU coreutils and grep print for the same
// input (expectations taken from the real tools): cat, echo, wc (with GNU's
// column widths), grep, head, tail, sort, uniq, tee, yes, true, false.
import { describe, expect, it } from 'vitest';
import { sh } from './sh-harness.js';

const files = {
  'a.txt': 'alpha beta\ngamma\n\ndelta epsilon zeta\n',
  'n.txt': 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\ntwelve\n',
  's.txt': 'b\na\nB\n10\n9\na\n',
};

async function run(command: string, stdin = ''): Promise<{ stdout: string; stderr: string; status: number }> {
  const r = await sh(command, { files, stdin });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

async function out(command: string, stdin = ''): Promise<string> {
  const r = await run(command, stdin);
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe('wc', () => {
  it('counts lines, words and bytes with the width of the total size', async () => {
    expect(await out('wc a.txt')).toBe(' 4  6 37 a.txt\n');
    expect(await out('wc a.txt n.txt')).toBe('  4   6  37 a.txt\n 12  12  63 n.txt\n 16  18 100 total\n');
    expect(await out('wc -lw a.txt n.txt')).toBe('  4   6 a.txt\n 12  12 n.txt\n 16  18 total\n');
  });

  it('prints one count of one input unpadded, and uses width 7 for a pipe', async () => {
    expect(await out('wc -l a.txt; wc -c < a.txt; cat a.txt | wc; cat a.txt | wc -l')).toBe('4 a.txt\n37\n      4       6      37\n4\n');
  });

  it('reads - as stdin among files', async () => {
    expect(await out('wc -w a.txt - < n.txt')).toBe('  6 a.txt\n 12 -\n 18 total\n');
  });

  it('reports a missing file, counts the rest, and fails', async () => {
    const r = await run('wc nofile a.txt');
    expect(r).toEqual({ stdout: ' 4  6 37 a.txt\n 4  6 37 total\n', stderr: 'wc: nofile: No such file or directory\n', status: 1 });
  });
});

describe('options, parsed by getopt as GNU tools parse them', () => {
  it('takes options after the operands (getopt permutes them), and none after --', async () => {
    expect(await out('wc a.txt -l; grep a a.txt -n; sort s.txt -r | head -n 1')).toBe(
      '4 a.txt\n1:alpha beta\n2:gamma\n4:delta epsilon zeta\n' + (await out('sort -r s.txt | head -n 1')),
    );
    expect((await run('wc -- -l')).stderr).toBe('wc: -l: No such file or directory\n');
  });

  it('reports an unknown option or a missing argument in getopt\'s words', async () => {
    expect(await run('wc -z a.txt')).toEqual({ stdout: '', stderr: "wc: invalid option -- 'z'\nTry 'wc --help' for more information.\n", status: 1 });
    const usage = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";
    expect(await run('grep -j a a.txt')).toEqual({ stdout: '', stderr: `grep: invalid option -- 'j'\n${usage}`, status: 2 });
    expect(await run('grep a.txt -e')).toEqual({ stdout: '', stderr: `grep: option requires an argument -- 'e'\n${usage}`, status: 2 });
    expect((await run('sort -k')).stderr).toBe("sort: option requires an argument -- 'k'\nTry 'sort --help' for more information.\n");
  });
});

describe('grep', () => {
  it('selects lines with -n -c -v -i -l -q', async () => {
    expect(await out('grep -n a a.txt')).toBe('1:alpha beta\n2:gamma\n4:delta epsilon zeta\n');
    expect(await out('grep -c e a.txt n.txt')).toBe('a.txt:2\nn.txt:9\n');
    expect(await out('grep -v e n.txt | head -n 3')).toBe('two\nfour\nsix\n');
    expect(await out('grep -i B s.txt')).toBe('b\nB\n');
    expect(await out('grep -l e a.txt n.txt')).toBe('a.txt\nn.txt\n');
    expect(await out('grep -q x a.txt; echo $?; grep -q gamma a.txt; echo $?')).toBe('1\n0\n');
  });

  it('matches basic regular expressions', async () => {
    expect(await out("grep '^t.o$' n.txt; grep 'e*n$' n.txt; grep '[xz]' a.txt; grep 'el[^e]' n.txt")).toBe(
      'two\nseven\nten\neleven\ndelta epsilon zeta\ntwelve\n',
    );
  });

  it('fails with 2 on a missing file even when another matches nothing', async () => {
    expect(await run('grep x nofile a.txt')).toEqual({ stdout: '', stderr: 'grep: nofile: No such file or directory\n', status: 2 });
  });
});

describe('head and tail', () => {
  it('cuts lines and bytes, with headers for several files', async () => {
    expect(await out('head -n 2 a.txt n.txt')).toBe('==> a.txt <==\nalpha beta\ngamma\n\n==> n.txt <==\none\ntwo\n');
    expect(await out('head -3 n.txt; head -c 5 a.txt; echo')).toBe('one\ntwo\nthree\nalpha\n');
    expect(await out('tail -n 2 n.txt; tail -3 n.txt; tail -n +11 n.txt; tail -c 4 n.txt')).toBe(
      'eleven\ntwelve\nten\neleven\ntwelve\neleven\ntwelve\nlve\n',
    );
  });

  it('gives 10 lines by default, from a pipe too', async () => {
    expect(await out('cat n.txt | tail | head -n 1; head < n.txt | wc -l')).toBe('three\n10\n');
  });
});

describe('sort and uniq', () => {
  it('sorts by bytes, numbers, in reverse, uniquely, folding case, by field', async () => {
    expect(await out('sort s.txt')).toBe('10\n9\nB\na\na\nb\n');
    expect(await out('sort -n s.txt')).toBe('B\na\na\nb\n9\n10\n');
    expect(await out('sort -r s.txt')).toBe('b\na\na\nB\n9\n10\n');
    expect(await out('sort -u s.txt')).toBe('10\n9\nB\na\nb\n');
    expect(await out('sort -f s.txt')).toBe('10\n9\na\na\nB\nb\n');
    expect(await out('sort -k 2 -n', 'x 3\ny 1\nz 2\n')).toBe('y 1\nz 2\nx 3\n');
  });

  it('folds repeated lines, counting them', async () => {
    expect(await out('sort s.txt | uniq -c')).toBe('      1 10\n      1 9\n      1 B\n      2 a\n      1 b\n');
    expect(await out('sort s.txt | uniq -d; sort s.txt | uniq -u | wc -l')).toBe('a\n4\n');
  });
});

describe('cat, echo, tee, yes, true, false', () => {
  it('numbers lines with cat -n and joins files', async () => {
    expect(await out('cat -n a.txt')).toBe('     1\talpha beta\n     2\tgamma\n     3\t\n     4\tdelta epsilon zeta\n');
    expect(await out('echo x | cat a.txt - n.txt | wc -l')).toBe('17\n');
  });

  it('echoes with -n and -e as GNU echo', async () => {
    expect(await out('echo -n a; echo b; echo -e "1\\t2\\n3"; echo "\\t"; echo -e "x\\cy"; echo -x')).toBe('ab\n1\t2\n3\n\\t\nx-x\n');
  });

  it('copies stdin to files with tee, appending with -a', async () => {
    expect(await out('echo one | tee /tmp/t1 /tmp/t2 > /dev/null; echo two | tee -a /tmp/t1; cat /tmp/t1 /tmp/t2')).toBe(
      'two\none\ntwo\none\n',
    );
  });

  it('has yes, true and false', async () => {
    expect(await out('yes ab c | head -n 2; true; echo $?; false; echo $?')).toBe('ab c\nab c\n0\n1\n');
  });
});
