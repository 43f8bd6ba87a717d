import { msg } from '@lit/localize';
import type { EmotionLabel } from '../shared/emotions.js';

/**
 * The one human-readable term per emotion, used by bars, legends, announcements and reports.
 * Export files keep the English label keys; only what people read goes through here.
 */
export function emotionName(label: EmotionLabel): string {
  switch (label) {
    case 'angry':
      return msg('Anger', { id: 'emotion.angry' });
    case 'disgust':
      return msg('Disgust', { id: 'emotion.disgust' });
    case 'fear':
      return msg('Fear', { id: 'emotion.fear' });
    case 'happy':
      return msg('Happiness', { id: 'emotion.happy' });
    case 'sad':
      return msg('Sadness', { id: 'emotion.sad' });
    case 'surprise':
      return msg('Surprise', { id: 'emotion.surprise' });
    case 'neutral':
      return msg('Neutral', { id: 'emotion.neutral' });
  }
}
