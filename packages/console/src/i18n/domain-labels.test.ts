import { describe, expect, it } from 'vitest';
import { moveText } from './domain-labels.js';

const zh = (t: { zh: string }) => t.zh;
const en = (t: { en: string }) => t.en;

describe('moveText', () => {
  it('names a version’s move by its statuses', () => {
    expect(moveText({ action: 'submit', from: 'INIT', to: 'AUDITING' }, zh)).toBe('开发版本 → 审核中');
  });

  it('names a plan’s move by the plan’s states, in both languages', () => {
    expect(moveText({ action: 'gray-plan-pause', from: 'active', to: 'paused' }, zh)).toBe('进行中 → 已暂停');
    expect(moveText({ action: 'gray-plan-pause', from: 'active', to: 'paused' }, en)).toMatch(
      /^Active → Paused$/i,
    );
    expect(moveText({ action: 'gray-plan', from: null, to: 'active' }, zh)).toBe('进行中');
  });

  it('names a visibility, and leaves a state it does not know as it is', () => {
    expect(moveText({ action: 'create', from: null, to: 'online' }, zh)).toBe('上线');
    expect(moveText({ action: 'gray-plan-end', from: 'active', to: 'someday' }, zh)).toBe('进行中 → someday');
  });
});
