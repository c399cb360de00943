import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = path.join(__dirname, 'rpc-contract.fixture.ts');
const EXPECT_ERROR = '// @ts-expect-error';

/** The repository's compiler options (paths to the libs, strict), without emitting anything. */
function compilerOptions(): ts.CompilerOptions {
  const file = path.join(ROOT, 'tsconfig.json');
  const { config } = ts.readConfigFile(file, (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, file);
  return { ...parsed.options, noEmit: true, incremental: false, tsBuildInfoFile: undefined };
}

/**
 * Errors of the fixture as written, or with its `@ts-expect-error` lines made plain comments
 * (the second compilation reuses the first program's libraries).
 */
function compile(
  source: string,
  options: ts.CompilerOptions,
  previous?: ts.Program,
): { program: ts.Program; errors: ts.Diagnostic[] } {
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => (path.resolve(f) === FIXTURE ? source : readFile(f));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, target, onError) =>
    path.resolve(f) === FIXTURE
      ? ts.createSourceFile(f, source, target)
      : getSourceFile(f, target, onError);
  const program = ts.createProgram([FIXTURE], options, host, previous);
  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && path.resolve(d.file.fileName) === FIXTURE);
  return { program, errors };
}

const lineOf = (d: ts.Diagnostic) => d.file!.getLineAndCharacterOfPosition(d.start!).line;
const show = (d: ts.Diagnostic) =>
  `${lineOf(d) + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;

describe('RPC contract at compile time', () => {
  const options = compilerOptions();
  const source = ts.sys.readFile(FIXTURE)!;
  const marked = source
    .split('\n')
    .flatMap((line, i) => (line.trim().startsWith(EXPECT_ERROR) ? [i + 1] : []));

  let asWritten: ReturnType<typeof compile>;
  let unmarked: ReturnType<typeof compile>;

  beforeAll(() => {
    asWritten = compile(source, options);
    unmarked = compile(source.split(EXPECT_ERROR).join('//'), options, asWritten.program);
  }, 120_000);

  it('accepts senders and handlers that follow the contract', () => {
    expect(marked.length).toBeGreaterThanOrEqual(8);
    // An unused @ts-expect-error is itself an error: none here means every marked line fails.
    expect(asWritten.errors.map(show)).toEqual([]);
  });

  it('rejects each marked line on its own: wrong input, wrong result, unknown pattern', () => {
    const failing = new Set(unmarked.errors.map(lineOf));
    expect([...failing].sort((a, b) => a - b)).toEqual(marked);
  });
});
