import { describe, expect, it } from 'vitest';
import {
  cancelCatchUp,
  catchingUp,
  catchUp,
  onCatchUpChange,
} from '../../../app/training/catch-up.ts';
import { fakeFrames } from './fake-frames.ts';

/** `frame()`: the browser draws a frame. */
const { frame, waiting } = fakeFrames();

describe('the catch-up queue redraws one panel per frame', () => {
  it('runs the oldest piece each frame, keeps a re-queued piece in its place, drops cancelled ones', () => {
    const ran: string[] = [];
    const piece = (name: string) => () => ran.push(name);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(piece);
    const changes: boolean[] = [];
    const stop = onCatchUpChange(() => changes.push(catchingUp()));
    catchUp(a);
    catchUp(b);
    catchUp(c);
    catchUp(a); // already waiting: keeps its place, runs once
    cancelCatchUp(c);
    catchUp(d);
    expect(catchingUp()).toBe(true);
    expect(waiting()).toBe(1);
    frame();
    expect(ran).toEqual(['a']);
    frame();
    expect(ran).toEqual(['a', 'b']);
    frame();
    expect(ran).toEqual(['a', 'b', 'd']);
    expect(catchingUp()).toBe(false);
    expect(waiting()).toBe(0);
    // Busy once when the queue filled, idle once when it emptied.
    expect(changes).toEqual([true, false]);
    stop();
  });

  it('runs a piece once the frame is drawn, after the frame’s own callbacks (the newest step)', () => {
    const ran: string[] = [];
    const piece = () => ran.push('table');
    catchUp(piece);
    requestAnimationFrame(() => ran.push('draw the step'));
    frame();
    expect(ran).toEqual(['draw the step', 'table']);
    expect(catchingUp()).toBe(false);
  });
});
