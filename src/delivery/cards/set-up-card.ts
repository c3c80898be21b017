import { card } from './adaptive.js';
import type { AdaptiveCard, CardPlan } from './types.js';

/** send-test-card: a card clearly marked as a test, saying where it was sent from (its `note`). */
type Content = Pick<CardPlan, 'digestHeading' | 'note'>;

const MARK = 'TEST CARD · not a security alert';
const HEADING = 'm365-alerts-to-teams can post to this channel';

export function testCard({ note = '' }: Content): AdaptiveCard {
  return card([
    {
      type: 'Container',
      style: 'good',
      bleed: true,
      items: [{ type: 'TextBlock', text: MARK, weight: 'Bolder', color: 'Good', size: 'Small', wrap: true }]
    },
    { type: 'TextBlock', text: HEADING, weight: 'Bolder', size: 'Large', wrap: true },
    { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: note }] }
  ]);
}

export function legacyTestCard({ digestHeading = MARK, note = '' }: Content): object {
  return {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: digestHeading,
    themeColor: '2EB886',
    sections: [{ activityTitle: digestHeading, activitySubtitle: MARK, markdown: false, text: note }]
  };
}
