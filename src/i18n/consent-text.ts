import { CONSENT_TEXT_VERSION } from '../shared/consent.js';

/**
 * The consent text shown to the patient, in both languages whatever the app's language, because
 * the clinician shows or prints it in the patient's language. It is versioned data, not an
 * interface message: what a patient agreed to must not change when the translation file does.
 * A change of wording needs a new CONSENT_TEXT_VERSION; earlier versions stay, so a consent shows
 * the text that was agreed to. Version 2 adds the clinic's opt-in sync between its own devices.
 */
export type ConsentLanguage = 'en' | 'es';

export interface ConsentText {
  title: string;
  paragraphs: readonly string[];
  versionLine: string;
}

type Texts = Record<ConsentLanguage, Omit<ConsentText, 'versionLine'> & { version: string }>;

const V1: Texts = {
  en: {
    title: 'Consent to the recording of facial expression',
    version: 'Consent text, version',
    paragraphs: [
      'During our consultations I would like to use Resmo, an app on this device that looks at your face through the camera (or in the video-call window) and estimates, second by second, which of seven expressions it shows: anger, disgust, fear, happiness, sadness, surprise or neutral.',
      'The video is never recorded, stored or sent anywhere. Only the per-second estimate, the markers I add and my notes are kept, in your file on this device, protected by a passphrase.',
      'These readings estimate facial expression. They are not a diagnosis and do not say what you feel; I use them only as one more thing to talk about with you.',
      'Nothing leaves this device unless I export a file, for example for your health record. I will not share it with anyone without your permission, except where the law requires it.',
      'Taking part is voluntary. You can say no, or withdraw your consent at any time, without any effect on your care. If you withdraw it, I will stop using Resmo with you and, if you wish, delete the recordings already made.',
    ],
  },
  es: {
    title: 'Consentimiento para registrar la expresión facial',
    version: 'Texto de consentimiento, versión',
    paragraphs: [
      'Durante nuestras consultas me gustaría usar Resmo, una aplicación en este dispositivo que mira su rostro por la cámara (o en la ventana de la videollamada) y estima, segundo a segundo, cuál de siete expresiones muestra: enojo, asco, miedo, alegría, tristeza, sorpresa o neutral.',
      'El video nunca se graba, se guarda ni se envía a ningún lugar. Solo se conservan la estimación de cada segundo, las marcas que yo agregue y mis notas, en su expediente en este dispositivo, protegidos con una frase de acceso.',
      'Estas lecturas estiman la expresión facial. No son un diagnóstico ni dicen lo que usted siente; las uso solo como un elemento más para conversar con usted.',
      'Nada sale de este dispositivo salvo que yo exporte un archivo, por ejemplo para su expediente clínico. No lo compartiré con nadie sin su permiso, salvo cuando la ley lo exija.',
      'Su participación es voluntaria. Puede decir que no, o retirar su consentimiento en cualquier momento, sin ningún efecto en su atención. Si lo retira, dejaré de usar Resmo con usted y, si así lo desea, borraré los registros ya hechos.',
    ],
  },
};

const replaced = (paragraphs: readonly string[], at: number, text: string): readonly string[] =>
  paragraphs.map((p, i) => (i === at ? text : p));

/** Version 2: the same text, with the clinic's sync between its own devices in the fourth paragraph. */
const V2: Texts = {
  en: {
    ...V1.en,
    paragraphs: replaced(
      V1.en.paragraphs,
      3,
      'Nothing leaves this device unless I export a file, for example for your health record, or, if my clinic syncs its devices, a sealed copy of your file goes to the clinic’s other devices, which only the clinic’s clinicians can open. I will not share it with anyone without your permission, except where the law requires it.',
    ),
  },
  es: {
    ...V1.es,
    paragraphs: replaced(
      V1.es.paragraphs,
      3,
      'Nada sale de este dispositivo salvo que yo exporte un archivo, por ejemplo para su expediente clínico, o que mi clínica sincronice sus dispositivos: entonces una copia sellada de su expediente pasa a los otros dispositivos de la clínica, que solo sus clínicos pueden abrir. No lo compartiré con nadie sin su permiso, salvo cuando la ley lo exija.',
    ),
  },
};

const TEXTS: Readonly<Record<string, Texts>> = { '1': V1, '2': V2 };

export const CONSENT_LANGUAGES: readonly ConsentLanguage[] = ['en', 'es'];

export function consentText(language: ConsentLanguage, version = CONSENT_TEXT_VERSION): ConsentText {
  const { title, paragraphs, version: label } = (TEXTS[version] ?? TEXTS[CONSENT_TEXT_VERSION] ?? V2)[language];
  return { title, paragraphs, versionLine: `${label} ${version}` };
}
