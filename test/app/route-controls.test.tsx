// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tokenize } from '../../app/code/python.ts';
import { NumberField } from '../../app/controls/NumberField.tsx';
import { parseNumber } from '../../app/controls/parse.ts';
import { backendOverride, hashForStep, hashText, hasLink } from '../../app/route/url.ts';

afterEach(cleanup);

describe('address bar', () => {
  it('a bare # or #/ is no link; a step link is #/3.4.1 (the codec reads the rest)', () => {
    expect(hasLink('')).toBe(false);
    expect(hasLink('#')).toBe(false);
    expect(hasLink('#/')).toBe(false);
    expect(hasLink('#/3.5.1')).toBe(true);
    expect(hasLink('#/9.9.9')).toBe(true);
    expect(hashForStep('3.4.1')).toBe('#/3.4.1');
  });

  it('reads ?backend= and ignores anything else', () => {
    expect(backendOverride('?backend=wasm')).toBe('wasm');
    expect(backendOverride('?backend=auto')).toBe('auto');
    expect(backendOverride('?backend=cuda')).toBeNull();
    expect(backendOverride('')).toBeNull();
  });

  it('quotes a hand-typed hash as typed, and leaves malformed escapes alone', () => {
    expect(hashText('#/%3Cscript%3E')).toBe('#/<script>');
    expect(hashText('#/3.5.1?s=eJw-_')).toBe('#/3.5.1?s=eJw-_');
    expect(hashText('#/%E0%A4%A')).toBe('#/%E0%A4%A');
  });
});

describe('parseNumber', () => {
  it('takes decimals, commas, exponents and a typographic minus; refuses the rest', () => {
    const any = { min: -1e6, max: 1e6 };
    expect(parseNumber(' 0,5 ', any)).toEqual({ ok: true, value: 0.5 });
    expect(parseNumber('−2e-1', any)).toEqual({ ok: true, value: -0.2 });
    expect(parseNumber('0x10', any).ok).toBe(false);
    expect(parseNumber('', any).ok).toBe(false);
    expect(parseNumber('2.5', { min: 0, max: 9, integer: true }).ok).toBe(false);
    expect(parseNumber('10', { min: 0, max: 9 }).ok).toBe(false);
  });
});

describe('NumberField', () => {
  it('commits valid numbers only and shows why by the field', () => {
    const onCommit = vi.fn();
    render(<NumberField label="num_heads" value={2} min={1} max={8} integer onCommit={onCommit} />);
    const input = screen.getByRole('textbox', { name: 'num_heads' });
    fireEvent.change(input, { target: { value: '4' } });
    expect(onCommit).toHaveBeenLastCalledWith(4);
    fireEvent.change(input, { target: { value: 'x' } });
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toContain('Keeping 2');
  });

  it('shows an engine error passed in, with the hint outside the accessible name', () => {
    render(
      <NumberField
        label="d_out"
        hint="per head"
        value={2}
        min={1}
        max={64}
        integer
        onCommit={() => {}}
        error="d_out: too big"
      />,
    );
    const input = screen.getByRole('textbox', { name: 'd_out' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('d_out: too big');
  });
});

describe('python highlighter', () => {
  it('splits comments, strings, numbers and keywords and loses no text', () => {
    const code = "torch.manual_seed(123)  # seed\nx = 'a'\ndef f(self): return 2.5";
    const tokens = tokenize(code);
    expect(tokens.map((t) => t.text).join('')).toBe(code);
    expect(tokens.filter((t) => t.kind !== 'plain').map((t) => `${t.kind}:${t.text}`)).toEqual([
      'name:torch',
      'number:123',
      'comment:# seed',
      "string:'a'",
      'keyword:def',
      'keyword:self',
      'keyword:return',
      'number:2.5',
    ]);
  });
});
