/**
 * @module practice/coder/acknowledgement.test
 * A listener's token before a question ("Okay. So what do you want?") is not a reflection; a
 * reflection after one still is.
 */
import { describe, expect, it } from 'vitest';
import { codeCoachTurn } from './coach-turn.js';

const codes = (text: string, prevPartner: string) =>
  codeCoachTurn(text, { prevPartner, earlierPartner: [], permissionGranted: false }).coding.codes;
const REFLECTS = /reflection|summary/;

describe('an acknowledgement beside a question', () => {
  it.each([
    ['Okay. So what would help most?', "I've tried everything, honestly."],
    ['Right. Where do you want to go with it?', 'The rota is a mess again.'],
    ['Got it. What happened after that?', 'Then the client rang my boss directly.'],
    ['Sure. How did the team take it?', 'I told them on Friday.'],
  ])('"%s" is a question, not a reflection', (text, partner) => {
    expect(codes(text, partner).join(' ')).not.toMatch(REFLECTS);
  });

  it('a reflection after the token is still a reflection', () => {
    expect(
      codes(
        'Okay. So your old teammates still bring you everything.',
        'My old teammates keep bringing me everything.',
      ).join(' '),
    ).toMatch(REFLECTS);
  });
});
