/**
 * Shapes of the synthetic population (db/synth.ts): who lives where, how fast each country took up 2SV after its
 * launch, and how often texts fail there. Invented but plausible figures, loosely after Apple's 2013 rollout.
 */

/** Relative share of accounts per country (normalised when drawn). Wave 3 and the rest cannot enroll. */
export const countryWeights: Record<string, number> = {
  // Wave 1
  US: 28, GB: 7, AU: 3, IE: 0.8, NZ: 0.7,
  // Wave 2
  AT: 0.9, AR: 1.8, BE: 1.1, BR: 6, MX: 4, NL: 1.8, PK: 1.2, PL: 2, RU: 4,
  // Wave 3 (draft in the seed)
  CA: 3.2, FR: 5, DE: 6, JP: 6, IT: 3, ES: 3,
  // Not planned yet
  IN: 2.5, KR: 1.5, CN: 2, CH: 0.8, SE: 0.9, TR: 1, ZA: 0.6, SG: 0.5, CL: 0.5, CO: 0.5,
};

export interface AdoptionProfile {
  /** Share of accounts that ever start enrolling. */
  cap: number;
  /** Logistic adoption curve: days after launch when half of the eventual starters have started, and its spread. */
  midDays: number;
  scaleDays: number;
  /** Share of texted codes the carriers fail to deliver. */
  smsFailure: number;
}

const base: AdoptionProfile = { cap: 0.65, midDays: 220, scaleDays: 75, smsFailure: 0.02 };

const profiles: Record<string, Partial<AdoptionProfile>> = {
  US: { cap: 0.9, midDays: 150, scaleDays: 60, smsFailure: 0.015 },
  GB: { cap: 0.85, midDays: 170, scaleDays: 65, smsFailure: 0.012 },
  AU: { cap: 0.85, midDays: 160, scaleDays: 60, smsFailure: 0.02 },
  IE: { cap: 0.8, midDays: 190, scaleDays: 70, smsFailure: 0.02 },
  NZ: { cap: 0.8, midDays: 180, scaleDays: 70, smsFailure: 0.025 },
  NL: { cap: 0.8, midDays: 180, scaleDays: 70, smsFailure: 0.01 },
  AT: { cap: 0.75, midDays: 190, scaleDays: 70, smsFailure: 0.015 },
  BE: { cap: 0.7, midDays: 200, scaleDays: 70 },
  PL: { cap: 0.65, midDays: 200, scaleDays: 70, smsFailure: 0.04 },
  BR: { cap: 0.65, midDays: 210, scaleDays: 75, smsFailure: 0.12 },
  MX: { cap: 0.6, midDays: 220, scaleDays: 75, smsFailure: 0.1 },
  AR: { cap: 0.6, midDays: 220, scaleDays: 75, smsFailure: 0.08 },
  RU: { cap: 0.55, midDays: 220, scaleDays: 70, smsFailure: 0.15 },
  PK: { cap: 0.55, midDays: 230, scaleDays: 75, smsFailure: 0.1 },
};

export const adoptionProfile = (country: string): AdoptionProfile => ({ ...base, ...profiles[country] });

const names: Record<string, [string[], string[]]> = {
  en: [
    ["James", "Mary", "John", "Emma", "Oliver", "Olivia", "Jack", "Sophie", "Liam", "Grace", "Noah", "Chloe", "Aiden", "Ruby"],
    ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Walker", "Murphy", "Kelly", "O'Brien", "Martin", "Clarke", "Evans"],
  ],
  es: [
    ["Sofía", "Mateo", "Valentina", "Santiago", "Camila", "Diego", "Lucía", "Javier", "María", "Carlos"],
    ["García", "Rodríguez", "Martínez", "López", "Hernández", "González", "Pérez", "Sánchez", "Romero", "Díaz"],
  ],
  pt: [
    ["João", "Ana", "Pedro", "Beatriz", "Lucas", "Juliana", "Gabriel", "Larissa", "Rafael", "Mariana"],
    ["Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Costa", "Ferreira", "Almeida", "Carvalho"],
  ],
  de: [
    ["Lukas", "Anna", "Felix", "Lena", "Jonas", "Marie", "Paul", "Laura", "Maximilian", "Julia"],
    ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Huber", "Gruber"],
  ],
  fr: [
    ["Louis", "Camille", "Hugo", "Léa", "Lucas", "Manon", "Nathan", "Chloé", "Théo", "Inès"],
    ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy", "Peeters", "Janssens"],
  ],
  nl: [
    ["Daan", "Emma", "Sem", "Julia", "Lucas", "Sophie", "Levi", "Tess", "Finn", "Sara"],
    ["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder"],
  ],
  pl: [
    ["Jakub", "Zuzanna", "Kacper", "Julia", "Szymon", "Maja", "Filip", "Lena", "Antoni", "Hanna"],
    ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak"],
  ],
  ru: [
    ["Alexander", "Anastasia", "Dmitry", "Maria", "Maxim", "Daria", "Ivan", "Elena", "Sergei", "Olga"],
    ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Petrov", "Sokolov", "Mikhailov", "Novikov", "Fedorov"],
  ],
  ja: [
    ["Haruto", "Yui", "Sota", "Hina", "Yuto", "Aoi", "Ren", "Sakura", "Riku", "Mei"],
    ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato"],
  ],
  it: [
    ["Leonardo", "Sofia", "Francesco", "Giulia", "Alessandro", "Aurora", "Lorenzo", "Alice", "Matteo", "Ginevra"],
    ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco"],
  ],
  ur: [
    ["Muhammad", "Fatima", "Ali", "Ayesha", "Ahmed", "Zainab", "Hassan", "Maryam", "Usman", "Sana"],
    ["Khan", "Ahmed", "Malik", "Hussain", "Qureshi", "Sheikh", "Butt", "Chaudhry", "Raza", "Iqbal"],
  ],
};

const language: Record<string, string> = {
  ES: "es", MX: "es", AR: "es", CL: "es", CO: "es", BR: "pt", DE: "de", AT: "de", CH: "de",
  FR: "fr", BE: "fr", NL: "nl", PL: "pl", RU: "ru", JP: "ja", IT: "it", PK: "ur",
};

export const namePool = (country: string) => names[language[country] ?? "en"]!;

export const deviceLabels = ["iPhone", "iPad", "iPod touch", "Safari on Mac", "Chrome on Mac", "Chrome on Windows", "Firefox on Windows"];
