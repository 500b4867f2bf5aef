/**
 * A POSIX-shell word splitter for the command lines of `package.json` scripts and workflow `run:`
 * steps: quotes, backslash escapes and line continuations, `&&` `||` `;` `|` `&` and newlines,
 * comments, `$(…)` kept as text; words keep their 1-based line.
 */

export interface Word {
  text: string;
  line: number;
}

/** Simple commands of a shell script: words with their 1-based line (`firstLine` is the script's first line). */
export function splitShell(script: string, firstLine = 1): Word[][] {
  const commands: Word[][] = [];
  let words: Word[] = [];
  let line = firstLine;
  let current: string | null = null;
  let currentLine = line;
  const endWord = (): void => {
    if (current !== null) words.push({ text: current, line: currentLine });
    current = null;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  const inWord = (): boolean => current !== null;
  const add = (text: string): void => {
    if (current === null) {
      current = '';
      currentLine = line;
    }
    current += text;
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (c === '\\') {
      const next = script[i + 1];
      if (next === '\n') {
        line++;
        i++;
        continue;
      }
      if (next !== undefined) add(next);
      i++;
      continue;
    }
    if (c === "'") {
      add('');
      const end = script.indexOf("'", i + 1);
      const body = script.slice(i + 1, end < 0 ? script.length : end);
      add(body);
      line += body.split('\n').length - 1;
      i = end < 0 ? script.length : end;
      continue;
    }
    if (c === '"') {
      add('');
      let j = i + 1;
      for (; j < script.length && script[j] !== '"'; j++) {
        const d = script[j]!;
        if (d === '\\' && '"\\$`\n'.includes(script[j + 1] ?? '')) {
          if (script[j + 1] !== '\n') add(script[j + 1]!);
          else line++;
          j++;
        } else {
          if (d === '\n') line++;
          add(d);
        }
      }
      i = j;
      continue;
    }
    if (c === '$' && script[i + 1] === '(') {
      // Command substitution: kept as text of the word (its commands are not read).
      let depth = 0;
      let j = i + 1;
      for (; j < script.length; j++) {
        if (script[j] === '(') depth++;
        else if (script[j] === ')' && --depth === 0) break;
        else if (script[j] === '\n') line++;
      }
      add(script.slice(i, j + 1));
      i = j;
      continue;
    }
    if (c === '#' && !inWord()) {
      while (i + 1 < script.length && script[i + 1] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      endCommand();
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      continue;
    }
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      endCommand();
      if ((c === '&' || c === '|') && script[i + 1] === c) i++;
      continue;
    }
    add(c);
  }
  endCommand();
  return commands;
}
