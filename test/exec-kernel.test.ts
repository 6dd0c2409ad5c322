// execve: what the new image keeps and what it loses, the kinds of executable
// files (a .ipx module, a "#!" script, a C source compiled on the fly, a shell
// script without "#!"), and the frames of the old image going back to the pool.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../src/compiler/driver.js';
import { encodeModule } from '../src/isa/ipx.js';
import { hostDirWith, sh } from './sh-harness.js';

const programs = join(import.meta.dirname, 'exec-programs');

function programFiles(...names: string[]): Record<string, string> {
  const files: Record<string, string> = { 'lines.txt': 'one\ntwo\nthree\n' };
  for (const name of names) files[name] = readFileSync(join(programs, name), 'latin1');
  return files;
}

describe('execve', () => {
  it('keeps pid, descriptors without close-on-exec, ignored signals, the mask and pending signals; drops the rest', async () => {
    const r = await sh('./exec_state.c', { files: programFiles('exec_state.c', 'exec_show.c') });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'before exec: attached 0',
        'argv[0] = "show"',
        'argv[1] = "two words"',
        'argv[2] = ""',
        'argv[3] = "last"',
        'env: SHMID=0',
        'env: GREETING=hello',
        'same pid: yes',
        'fd 3: 4 bytes "one\n"',
        'fd 4: Bad file descriptor',
        'fd 5: Bad file descriptor',
        'SIGUSR1 default, SIGUSR2 ignored',
        'SIGTERM blocked 1, pending 1',
        'segment attachments: 0',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(0);
  });

  it('gives every frame of the old images back (many execs in a row)', async () => {
    const r = await sh('./chain.c 20', {
      files: {
        'chain.c': `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
int main(int argc, char **argv)
{
    static char big[256 * 1024];
    char n[16];
    int left = atoi(argv[1]);
    big[left * 4096] = 1;
    if (left == 0) {
        printf("done\\n");
        return 0;
    }
    sprintf(n, "%d", left - 1);
    execl("./chain.c", "chain.c", n, (char *)0);
    return 1;
}
`,
      },
    });
    expect(r.stdout).toBe('done\n');
    expect(() => r.kernel.checkInvariants()).not.toThrow(); // every frame free again
  });

  it('runs a .ipx module from the file system', async () => {
    const dir = hostDirWith({});
    const built = compileProgram([join(programs, 'wait_usr1.c')]);
    if (!built.module) throw new Error(built.text);
    writeFileSync(join(dir, 'w.ipx'), encodeModule(built.module));
    chmodSync(join(dir, 'w.ipx'), 0o755);
    const r = await sh('./w.ipx & sleep 1; kill -USR1 $!; wait', { hostDir: dir });
    expect(r.stdout).toBe('got signal 10\n');
  });

  it('runs a "#!" script with its interpreter, and a script without one through the shell', async () => {
    const dir = hostDirWith({ 'hashbang.sh': '#!/bin/sh\necho "args: $0 $*"\n', 'plain.sh': 'echo plain $1\nexit 4\n' });
    chmodSync(join(dir, 'hashbang.sh'), 0o755);
    chmodSync(join(dir, 'plain.sh'), 0o755);
    const r = await sh('./hashbang.sh a b; ./plain.sh x; echo $?', { hostDir: dir });
    expect(r.stdout).toBe('args: ./hashbang.sh a b\nplain x\n4\n');
    expect(r.stderr).toBe('');
  });

  it('needs the execute bit, except for a C source, which needs only read permission', async () => {
    const r = await sh('./script.sh; echo $?; ./hello.c', {
      files: { 'script.sh': 'echo no\n', 'hello.c': '#include <stdio.h>\nint main(void) { puts("compiled"); return 0; }\n' },
    });
    expect(r.stdout).toBe('126\ncompiled\n');
    expect(r.stderr).toBe('sh: ./script.sh: Permission denied\n');
  });

  it('fails with ENOEXEC for a C source that does not compile, after its messages', async () => {
    const r = await sh('./bad.c; echo $?', { files: { 'bad.c': 'int main(void)\n{\n    return nothing;\n}\n' } });
    expect(r.stdout).toBe('126\n');
    expect(r.stderr).toMatch(/^\.\/bad\.c:3:12: error: .*nothing/);
  });

  it('compiles a source with its #include files read from the guest file system (host view or memory)', async () => {
    const r = await sh(`./inc.c; echo '#define WHO "memory"' > /tmp/who.h; ./mem.c`, {
      files: {
        'inc.c': '#include <stdio.h>\n#include "who.h"\nint main(void) { printf("hi %s\\n", WHO); return 0; }\n',
        'who.h': '#define WHO "host"\n',
        'mem.c': '#include <stdio.h>\n#include "/tmp/who.h"\nint main(void) { printf("hi %s\\n", WHO); return 0; }\n',
      },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hi host\nhi memory\n');
  });
});
