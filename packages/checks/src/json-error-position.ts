/**
 * The offset of the first JSON syntax error in `text`, or undefined when it parses. V8's JSON.parse messages
 * give a position only for some errors ("Unexpected token" has none), and a developer wants the line.
 */
export function jsonErrorPosition(text: string): number | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.value();
    scanner.space();
    return scanner.at < text.length ? scanner.at : undefined;
  } catch (err) {
    // A SyntaxStop carries the offset; anything else (a stack overflow on absurd nesting) gives no position.
    return err instanceof SyntaxStop ? err.at : undefined;
  }
}

/** Line and column (both 1-based) of an offset. */
export function lineAndColumn(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters are what JSON forbids
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

class SyntaxStop {
  constructor(readonly at: number) {}
}

class Scanner {
  at = 0;
  constructor(private readonly text: string) {}

  value(): void {
    this.space();
    const c = this.text[this.at];
    if (c === '{') this.sequence('}', () => this.member());
    else if (c === '[') this.sequence(']', () => this.value());
    else if (c === '"') this.string();
    else {
      const word = ['true', 'false', 'null'].find((w) => this.text.startsWith(w, this.at));
      if (word) this.at += word.length;
      else this.match(NUMBER);
    }
  }

  space(): void {
    while (/[ \t\n\r]/.test(this.text[this.at] ?? '')) this.at += 1;
  }

  private member(): void {
    this.space();
    if (this.text[this.at] !== '"') throw new SyntaxStop(this.at);
    this.string();
    this.space();
    if (this.text[this.at] !== ':') throw new SyntaxStop(this.at);
    this.at += 1;
    this.value();
  }

  /** `{…}` or `[…]`: items separated by commas, no trailing comma. */
  private sequence(close: string, item: () => void): void {
    this.at += 1;
    this.space();
    if (this.text[this.at] === close) {
      this.at += 1;
      return;
    }
    for (;;) {
      item();
      this.space();
      const c = this.text[this.at];
      this.at += 1;
      if (c === close) return;
      if (c !== ',') throw new SyntaxStop(this.at - 1);
    }
  }

  private string(): void {
    this.match(STRING);
  }

  /** Sticky patterns match in place, without copying the rest of the text for every token. */
  private match(pattern: RegExp): void {
    pattern.lastIndex = this.at;
    if (!pattern.test(this.text)) throw new SyntaxStop(this.at);
    this.at = pattern.lastIndex;
  }
}
