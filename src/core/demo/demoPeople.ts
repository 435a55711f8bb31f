/**
 * The invented people of the demo register: families, children and the episodes of the
 * register as seeds. Every name, address and phone here is fictional. Dates are not stored:
 * each episode says how many days before the demo date the child was identified and how many
 * days later it was registered (see ./demoRegister.ts).
 */
import type { SOURCE_VALUES } from "../register/schema";

export type Source = (typeof SOURCE_VALUES)[number];

export interface FamilySeed {
  readonly code: string;
  readonly status: string;
  readonly mother: string;
  readonly father: string;
  readonly guardian: string;
  readonly address: string;
  /** Empty when the family lives where it is registered. */
  readonly registrationAddress: string;
  readonly phone: string;
}

export interface ChildSeed {
  /** A short stable key used by the episode seeds. */
  readonly key: string;
  readonly last: string;
  readonly first: string;
  readonly middle: string;
  /** Month and day of birth, `MM-DD`; the year follows from the class and the school year. */
  readonly born: string;
  readonly grade: number;
  readonly letter: string;
  /** Family code of «Семьи», or "" for a child whose family is not entered. */
  readonly family: string;
}

/**
 * How diligently the regulated steps of an episode were done, which decides the statuses of
 * the deadlines list on the demo date.
 * - full: every step on time (выполнено; the recurring ones предстоит or сегодня);
 * - lagging: an inspection never done, late characteristic, observation and success review
 *   behind (просрочено);
 * - today: registered a week ago, the 7-day steps still open (сегодня on a working day);
 * - todayPartial: like today, but the plan meeting is already held;
 * - soon: registered a few days ago, steps planned (предстоит);
 * - none: nothing entered in «Мероприятия» (everything просрочено).
 */
export type Profile = "full" | "lagging" | "today" | "todayPartial" | "soon" | "none";

export interface EpisodeSeed {
  readonly child: string;
  /** Days before the demo date the child was identified (3–120). */
  readonly identifiedAgo: number;
  /** Days from identification to registration (3–14); null while not registered. */
  readonly delay: number | null;
  readonly level: 1 | 2 | null;
  /** Indicator codes as a person typed them (varied spacing, separators, Latin look-alikes). */
  readonly indicators: string;
  readonly source: Source;
  readonly profile: Profile;
  /**
   * Removal: days before the demo date and the ground; «transfer» ends the level-1 episode on
   * the day the same child's level-2 episode is registered (ground «переведён в СОП»).
   */
  readonly removal: { readonly ago: number; readonly reason: string } | "transfer" | null;
  readonly curator: string;
  readonly note: string;
}

export const SCHOOL = "МБОУ «СОШ № 7 с. Ак-Довурак» (демонстрационная школа)";
export const DISTRICT = "Барун-Хемчикский кожуун";
export const VILLAGE = "с. Ак-Довурак";

export const COORDINATOR = {
  name: "Ондар Айлана Сергеевна",
  position: "заместитель директора по воспитательной работе",
  phone: "8-923-000-45-67",
} as const;

/** Staff of the fictional school, as they appear in «Куратор» and «Ответственный». */
export const STAFF = {
  social: "социальный педагог Сагаан-оол Ч. К.",
  psychologist: "педагог-психолог Белова А. В.",
  deputy: "заместитель директора по ВР Ондар А. С.",
  classTeacher: "классный руководитель",
  pdn: "инспектор ПДН (по согласованию)",
  medic: "медицинский работник школы",
} as const;

export const CURATORS = [
  "Сагаан-оол Чечена Кимовна",
  "Белова Анна Викторовна",
  "Бады Айыр Сергеевич",
  "Кызыл-оол Ирина Михайловна",
] as const;

const street = (s: string): string => `${VILLAGE}, ${s}`;

export const FAMILIES: readonly FamilySeed[] = [
  {
    code: "С-01",
    status: "многодетная, малообеспеченная",
    mother: "Монгуш Чечек Сергеевна",
    father: "Монгуш Айдын Оолакович",
    guardian: "",
    address: street("ул. Шахтёров, д. 14"),
    registrationAddress: "",
    phone: "8-923-000-11-01",
  },
  {
    code: "С-02",
    status: "одинокая мать",
    mother: "Иванова Светлана Петровна",
    father: "",
    guardian: "",
    address: street("ул. Центральная, д. 5, кв. 12"),
    registrationAddress: "",
    phone: "8-923-000-11-02",
  },
  {
    code: "С-03",
    status: "полная; малообеспеченная",
    mother: "Ооржак Саяна Викторовна",
    father: "Ооржак Буян Маадырович",
    guardian: "",
    address: street("ул. Комсомольская, д. 21"),
    registrationAddress: "",
    phone: "8-923-000-11-03",
  },
  {
    code: "С-04",
    status: "полная",
    mother: "Петрова Ольга Николаевна",
    father: "Гусев Андрей Викторович (отчим)",
    guardian: "",
    address: street("ул. Монгуша Сата, д. 7, кв. 3"),
    registrationAddress: "г. Кызыл, ул. Лесная, д. 40, кв. 8",
    phone: "+7 923 000-11-04",
  },
  {
    code: "С-05",
    status: "одинокая мать, многодетная, малообеспеченная",
    mother: "Салчак Долаана Кара-ооловна",
    father: "",
    guardian: "",
    address: street("ул. Степная, д. 2"),
    registrationAddress: "",
    phone: "8-923-000-11-05",
  },
  {
    code: "С-06",
    status: "одинокий отец",
    mother: "",
    father: "Кузнецов Виктор Александрович",
    guardian: "",
    address: street("ул. Заречная, д. 9"),
    registrationAddress: "",
    phone: "8-923-000-11-06",
  },
  {
    code: "С-07",
    status: "опекаемая",
    mother: "",
    father: "",
    guardian: "Куулар Анай-Хаак Дорлуговна (бабушка)",
    address: street("ул. Набережная, д. 16"),
    registrationAddress: "",
    phone: "8-923-000-11-07",
  },
  {
    code: "С-08",
    status: "полная, многодетная, малообеспеченная",
    mother: "Донгак Аржаана Орлановна",
    father: "Донгак Тимур Валерьевич",
    guardian: "",
    address: street("ул. Горная, д. 3"),
    registrationAddress: "",
    phone: "8-923-000-11-08",
  },
  {
    code: "С-09",
    status: "одинокая мать / малообеспеченная",
    mother: "Смирнова Елена Викторовна",
    father: "",
    guardian: "",
    address: street("ул. Шахтёров, д. 30, кв. 1"),
    registrationAddress: "",
    phone: "8-923-000-11-09",
  },
  {
    code: "С-10",
    status: "полная",
    mother: "Хертек Урана Борисовна",
    father: "Хертек Орлан Сергеевич",
    guardian: "",
    address: street("ул. Новая, д. 11"),
    registrationAddress: "",
    phone: "8-923-000-11-10",
  },
  {
    code: "С-11",
    status: "многодетная, малообеспеченная",
    mother: "Сат Сайзана Эресовна",
    father: "Сат Аяс Кыргысович",
    guardian: "",
    address: street("ул. Дружбы, д. 4"),
    registrationAddress: "",
    phone: "8-923-000-11-11",
  },
  {
    code: "С-12",
    status: "одинокая мать",
    mother: "Волкова Наталья Сергеевна",
    father: "",
    guardian: "",
    address: street("ул. Центральная, д. 18, кв. 5"),
    registrationAddress: "",
    phone: "8-923-000-11-12",
  },
  {
    code: "С-13",
    status: "полная",
    mother: "Ондар Менги Алексеевна",
    father: "Ондар Эрес Начынович",
    guardian: "",
    address: street("ул. Школьная, д. 6"),
    registrationAddress: "",
    phone: "8-923-000-11-13",
  },
  {
    code: "С-14",
    status: "одинокая мать, малообеспеченная",
    mother: "Сарыглар Белекмаа Олеговна",
    father: "",
    guardian: "",
    address: street("ул. Степная, д. 19"),
    registrationAddress: "",
    phone: "8-923-000-11-14",
  },
  {
    code: "С-15",
    status: "полная",
    mother: "Морозова Ирина Владимировна",
    father: "Морозов Алексей Дмитриевич",
    guardian: "",
    address: street("ул. Комсомольская, д. 2, кв. 9"),
    registrationAddress: "",
    phone: "8-923-000-11-15",
  },
  {
    code: "С-16",
    status: "одинокая мать, малообеспеченная",
    mother: "Иргит Чодураа Михайловна",
    father: "",
    guardian: "",
    address: "постоянного места жительства не имеет; временно — " + street("ул. Заречная, д. 1 (у родственников)"),
    registrationAddress: "не зарегистрирована",
    phone: "",
  },
  {
    code: "С-17",
    status: "одинокий отец",
    mother: "",
    father: "Тюлюш Саян Май-оолович",
    guardian: "",
    address: street("ул. Новая, д. 25"),
    registrationAddress: "",
    phone: "8-923-000-11-17",
  },
  {
    code: "С-18",
    status: "полная, многодетная",
    mother: "Новикова Татьяна Юрьевна",
    father: "Новиков Павел Олегович",
    guardian: "",
    address: street("ул. Горная, д. 12"),
    registrationAddress: "",
    phone: "8-923-000-11-18",
  },
  {
    code: "С-19",
    status: "полная",
    mother: "Кужугет Айлан Ивановна",
    father: "Кужугет Маадыр Долаанович",
    guardian: "",
    address: street("ул. Дружбы, д. 17"),
    registrationAddress: "",
    phone: "8-923-000-11-19",
  },
  {
    code: "С-20",
    status: "одинокая мать",
    mother: "Хомушку Шончалай Артуровна",
    father: "",
    guardian: "",
    address: street("ул. Набережная, д. 8"),
    registrationAddress: "",
    phone: "8-923-000-11-20",
  },
  {
    code: "С-21",
    status: "полная",
    mother: "Соколова Марина Андреевна",
    father: "Соколов Денис Викторович",
    guardian: "",
    address: street("ул. Центральная, д. 40, кв. 2"),
    registrationAddress: "",
    phone: "8-923-000-11-21",
  },
  {
    code: "С-22",
    status: "полная, малообеспеченная",
    mother: "Чооду Оксана Кан-ооловна",
    father: "Чооду Аржаан Эрес-оолович",
    guardian: "",
    address: street("ул. Школьная, д. 27"),
    registrationAddress: "",
    phone: "8-923-000-11-22",
  },
  {
    code: "С-23",
    status: "полная, малообеспеченная",
    mother: "Сюрюн Айдана Романовна",
    father: "Сюрюн Шолбан Каадырович",
    guardian: "",
    address: street("ул. Степная, д. 33"),
    registrationAddress: "",
    phone: "8-923-000-11-23",
  },
  {
    code: "С-24",
    status: "одинокая мать",
    mother: "Егорова Людмила Ивановна",
    father: "",
    guardian: "",
    address: street("ул. Шахтёров, д. 2, кв. 7"),
    registrationAddress: "",
    phone: "8-923-000-11-24",
  },
  {
    code: "С-25",
    status: "многодетная",
    mother: "Дамба Чечена Васильевна",
    father: "Дамба Олег Кежикович",
    guardian: "",
    address: street("ул. Новая, д. 3"),
    registrationAddress: "",
    phone: "8-923-000-11-25",
  },
  {
    code: "С-26",
    status: "полная",
    mother: "Фёдорова Юлия Сергеевна",
    father: "Фёдоров Антон Павлович",
    guardian: "",
    address: street("ул. Комсомольская, д. 14, кв. 6"),
    registrationAddress: "",
    phone: "8-923-000-11-26",
  },
];

export const CHILDREN: readonly ChildSeed[] = [
  { key: "mongush1", last: "Монгуш", first: "Айлана", middle: "Айдыновна", born: "03-14", grade: 7, letter: "Б", family: "С-01" },
  { key: "mongush2", last: "Монгуш", first: "Начын", middle: "Айдынович", born: "11-02", grade: 4, letter: "А", family: "С-01" },
  { key: "mongush3", last: "Монгуш", first: "Алдынай", middle: "Айдыновна", born: "06-25", grade: 1, letter: "А", family: "С-01" },
  { key: "ivanov", last: "Иванов", first: "Дмитрий", middle: "Андреевич", born: "09-30", grade: 8, letter: "А", family: "С-02" },
  { key: "oorzhak1", last: "Ооржак", first: "Чингис", middle: "Буянович", born: "01-19", grade: 9, letter: "В", family: "С-03" },
  { key: "oorzhak2", last: "Ооржак", first: "Шенне", middle: "Буяновна", born: "07-07", grade: 5, letter: "А", family: "С-03" },
  { key: "petrova", last: "Петрова", first: "Анастасия", middle: "Игоревна", born: "04-22", grade: 6, letter: "Б", family: "С-04" },
  { key: "salchak1", last: "Салчак", first: "Эртине", middle: "Орланович", born: "02-08", grade: 10, letter: "А", family: "С-05" },
  { key: "salchak2", last: "Салчак", first: "Айраш", middle: "Орлановна", born: "10-15", grade: 3, letter: "Б", family: "С-05" },
  { key: "salchak3", last: "Салчак", first: "Сылдыс", middle: "Орланович", born: "12-03", grade: 2, letter: "А", family: "С-05" },
  { key: "kuznetsov", last: "Кузнецов", first: "Максим", middle: "Викторович", born: "08-11", grade: 7, letter: "А", family: "С-06" },
  { key: "kuular", last: "Куулар", first: "Мерген", middle: "Аясович", born: "05-27", grade: 5, letter: "Б", family: "С-07" },
  { key: "dongak1", last: "Донгак", first: "Айзана", middle: "Тимуровна", born: "02-17", grade: 8, letter: "Б", family: "С-08" },
  { key: "dongak2", last: "Донгак", first: "Саглай", middle: "Тимуровна", born: "09-09", grade: 6, letter: "А", family: "С-08" },
  { key: "smirnova", last: "Смирнова", first: "Полина", middle: "Алексеевна", born: "06-01", grade: 4, letter: "Б", family: "С-09" },
  { key: "smirnov", last: "Смирнов", first: "Глеб", middle: "Алексеевич", born: "03-28", grade: 1, letter: "А", family: "С-09" },
  { key: "khertek", last: "Хертек", first: "Байлак", middle: "Орланович", born: "11-20", grade: 9, letter: "А", family: "С-10" },
  { key: "sat1", last: "Сат", first: "Омак", middle: "Аясович", born: "04-04", grade: 11, letter: "А", family: "С-11" },
  { key: "sat2", last: "Сат", first: "Ай-Кыс", middle: "Аясовна", born: "08-30", grade: 3, letter: "А", family: "С-11" },
  { key: "volkov", last: "Волков", first: "Артём", middle: "Олегович", born: "01-09", grade: 5, letter: "А", family: "С-12" },
  { key: "ondar", last: "Ондар", first: "Тензин", middle: "Эресович", born: "07-19", grade: 2, letter: "Б", family: "С-13" },
  { key: "saryglar", last: "Сарыглар", first: "Амыр", middle: "Айдысович", born: "10-05", grade: 10, letter: "Б", family: "С-14" },
  { key: "morozov", last: "Морозов", first: "Кирилл", middle: "Алексеевич", born: "12-12", grade: 8, letter: "В", family: "С-15" },
  { key: "irgit1", last: "Иргит", first: "Азиана", middle: "Романовна", born: "03-03", grade: 6, letter: "В", family: "С-16" },
  { key: "irgit2", last: "Иргит", first: "Чинчи", middle: "Романовна", born: "09-21", grade: 1, letter: "Б", family: "С-16" },
  { key: "tyulyush", last: "Тюлюш", first: "Аюш", middle: "Саянович", born: "05-05", grade: 7, letter: "В", family: "С-17" },
  { key: "novikova", last: "Новикова", first: "Дарья", middle: "Павловна", born: "02-26", grade: 3, letter: "В", family: "С-18" },
  { key: "novikov", last: "Новиков", first: "Егор", middle: "Павлович", born: "06-14", grade: 9, letter: "Б", family: "С-18" },
  { key: "kuzhuget", last: "Кужугет", first: "Алаш", middle: "Маадырович", born: "08-08", grade: 4, letter: "В", family: "С-19" },
  { key: "khomushku", last: "Хомушку", first: "Аянга", middle: "Чингисовна", born: "01-30", grade: 11, letter: "Б", family: "С-20" },
  { key: "sokolov", last: "Соколов", first: "Иван", middle: "Денисович", born: "10-24", grade: 6, letter: "А", family: "С-21" },
  { key: "choodu", last: "Чооду", first: "Сайдаш", middle: "Аржаанович", born: "04-16", grade: 2, letter: "В", family: "С-22" },
  { key: "syuryun", last: "Сюрюн", first: "Айыраа", middle: "Шолбановна", born: "11-11", grade: 5, letter: "В", family: "С-23" },
  { key: "egorov", last: "Егоров", first: "Роман", middle: "Викторович", born: "03-07", grade: 10, letter: "А", family: "С-24" },
  { key: "damba", last: "Дамба", first: "Артыш", middle: "Олегович", born: "07-29", grade: 8, letter: "А", family: "С-25" },
  { key: "fedorova", last: "Фёдорова", first: "Алина", middle: "Антоновна", born: "05-18", grade: 1, letter: "В", family: "С-26" },
  { key: "lebedev", last: "Лебедев", first: "Никита", middle: "Сергеевич", born: "12-28", grade: 9, letter: "А", family: "" },
  { key: "oyun", last: "Оюн", first: "Чаяна", middle: "Алексеевна", born: "02-02", grade: 7, letter: "А", family: "" },
  { key: "khovalyg", last: "Ховалыг", first: "Начын", middle: "Эресович", born: "09-12", grade: 4, letter: "Б", family: "" },
];

const [C1, C2, C3, C4] = CURATORS;

/**
 * The episodes of «Учёт». Level 1 covers Р1–Р11 and level 2 covers С1–С15 among registered
 * episodes; «Кузнецов» is the decided level that differs from the suggestion; «Салчак Эртине»
 * is the level-1 → level-2 transfer; four episodes are identified but not registered.
 */
export const EPISODES: readonly EpisodeSeed[] = [
  // ---- level 1 (ранняя стадия) ----
  { child: "mongush1", identifiedAgo: 95, delay: 7, level: 1, indicators: "Р2, Р3", source: "классный руководитель", profile: "full", removal: null, curator: C1, note: "" },
  { child: "mongush2", identifiedAgo: 95, delay: 7, level: 1, indicators: "Р2, Р6", source: "классный руководитель", profile: "full", removal: null, curator: C1, note: "" },
  { child: "mongush3", identifiedAgo: 95, delay: 7, level: 1, indicators: "P3", source: "классный руководитель", profile: "lagging", removal: null, curator: C1, note: "" },
  { child: "ivanov", identifiedAgo: 60, delay: 5, level: 1, indicators: "Р7, Р10", source: "педагог-психолог", profile: "full", removal: null, curator: C2, note: "" },
  { child: "oorzhak1", identifiedAgo: 40, delay: 10, level: 1, indicators: "р1; р2", source: "соцзащита", profile: "lagging", removal: null, curator: C3, note: "" },
  { child: "oorzhak2", identifiedAgo: 40, delay: 10, level: 1, indicators: "Р2", source: "соцзащита", profile: "full", removal: null, curator: C3, note: "" },
  { child: "petrova", identifiedAgo: 21, delay: 14, level: 1, indicators: "Р11, Р7", source: "социальный педагог", profile: "today", removal: null, curator: C2, note: "" },
  { child: "salchak1", identifiedAgo: 110, delay: 7, level: 1, indicators: "Р5, Р7", source: "классный руководитель", profile: "full", removal: "transfer", curator: C4, note: "" },
  { child: "smirnova", identifiedAgo: 75, delay: 6, level: 1, indicators: "Р2 / Р8", source: "классный руководитель", profile: "none", removal: null, curator: C1, note: "" },
  { child: "smirnov", identifiedAgo: 75, delay: 6, level: 1, indicators: "р2, р8", source: "классный руководитель", profile: "none", removal: null, curator: C1, note: "" },
  { child: "khertek", identifiedAgo: 118, delay: 4, level: 1, indicators: "Р9", source: "педагог-психолог", profile: "full", removal: { ago: 48, reason: "положительная динамика" }, curator: C3, note: "" },
  { child: "volkov", identifiedAgo: 100, delay: 8, level: 1, indicators: "Р10, Р8", source: "классный руководитель", profile: "full", removal: { ago: 2, reason: "положительная динамика" }, curator: C2, note: "" },
  { child: "ondar", identifiedAgo: 12, delay: 9, level: 1, indicators: "р 4, р 6", source: "здравоохранение", profile: "soon", removal: null, curator: C4, note: "" },
  { child: "saryglar", identifiedAgo: 50, delay: 12, level: 1, indicators: "Р1,Р2", source: "соцзащита", profile: "full", removal: null, curator: C3, note: "" },
  { child: "morozov", identifiedAgo: 33, delay: 3, level: 1, indicators: "Р7 Р9", source: "ПДН ОВД", profile: "lagging", removal: null, curator: C2, note: "" },
  { child: "tyulyush", identifiedAgo: 85, delay: 6, level: 1, indicators: "Р5; Р10", source: "классный руководитель", profile: "full", removal: { ago: 25, reason: "выбыл из школы (переезд в г. Кызыл)" }, curator: C4, note: "" },
  { child: "kuzhuget", identifiedAgo: 65, delay: 7, level: 1, indicators: "Р 8", source: "классный руководитель", profile: "full", removal: null, curator: C1, note: "" },
  { child: "khomushku", identifiedAgo: 26, delay: 5, level: 1, indicators: "Р7, Р11", source: "педагог-психолог", profile: "lagging", removal: null, curator: C2, note: "" },
  { child: "sokolov", identifiedAgo: 18, delay: 11, level: 1, indicators: "Р9, Р7", source: "классный руководитель", profile: "todayPartial", removal: null, curator: C3, note: "" },
  { child: "choodu", identifiedAgo: 70, delay: 13, level: 1, indicators: "Р4, Р6, Р3", source: "здравоохранение", profile: "full", removal: null, curator: C4, note: "" },
  { child: "lebedev", identifiedAgo: 45, delay: 8, level: 1, indicators: "Р10", source: "классный руководитель", profile: "lagging", removal: null, curator: C1, note: "Проживает со старшей сестрой (совершеннолетней); сведения о семье уточняются." },
  { child: "syuryun", identifiedAgo: 16, delay: 6, level: 1, indicators: "р1, р5", source: "опека", profile: "full", removal: null, curator: C2, note: "" },
  // ---- level 2 (СОП) ----
  { child: "salchak1", identifiedAgo: 40, delay: 7, level: 2, indicators: "С5, С8, С11", source: "КДН и ЗП", profile: "full", removal: null, curator: C4, note: "" },
  { child: "salchak2", identifiedAgo: 40, delay: 7, level: 2, indicators: "С5, С3", source: "КДН и ЗП", profile: "full", removal: null, curator: C4, note: "" },
  { child: "salchak3", identifiedAgo: 40, delay: 7, level: 2, indicators: "C5, С9", source: "КДН и ЗП", profile: "lagging", removal: null, curator: C4, note: "" },
  { child: "kuular", identifiedAgo: 105, delay: 14, level: 2, indicators: "С11, С10", source: "ПДН ОВД", profile: "full", removal: { ago: 10, reason: "постановление КДН и ЗП о снятии с учёта (положительная динамика)" }, curator: C3, note: "" },
  { child: "dongak1", identifiedAgo: 80, delay: 10, level: 2, indicators: "С1, С2, С4", source: "соцзащита", profile: "full", removal: null, curator: C1, note: "" },
  { child: "dongak2", identifiedAgo: 80, delay: 10, level: 2, indicators: "С 2, С 4", source: "соцзащита", profile: "full", removal: null, curator: C1, note: "" },
  { child: "sat1", identifiedAgo: 58, delay: 9, level: 2, indicators: "С13, С12, С11", source: "ПДН ОВД", profile: "lagging", removal: null, curator: C3, note: "" },
  { child: "sat2", identifiedAgo: 58, delay: 9, level: 2, indicators: "С12; С14", source: "ПДН ОВД", profile: "full", removal: null, curator: C3, note: "" },
  { child: "irgit1", identifiedAgo: 30, delay: 4, level: 2, indicators: "С7, С3", source: "опека", profile: "full", removal: null, curator: C2, note: "" },
  { child: "irgit2", identifiedAgo: 30, delay: 4, level: 2, indicators: "С 7; С 15", source: "опека", profile: "lagging", removal: null, curator: C2, note: "" },
  { child: "novikov", identifiedAgo: 10, delay: 3, level: 2, indicators: "с-14, с-6", source: "здравоохранение", profile: "today", removal: null, curator: C4, note: "" },
  { child: "novikova", identifiedAgo: 10, delay: 3, level: 2, indicators: "С6\nС14", source: "здравоохранение", profile: "full", removal: null, curator: C4, note: "" },
  { child: "oyun", identifiedAgo: 115, delay: 12, level: 2, indicators: "С10, С9", source: "КДН и ЗП", profile: "full", removal: null, curator: C1, note: "Семья не внесена в лист «Семьи»: девочка проживает у дальних родственников, сведения уточняются." },
  {
    child: "kuznetsov",
    identifiedAgo: 90,
    delay: 14,
    level: 2,
    indicators: "Р1, Р10",
    source: "ПДН ОВД",
    profile: "lagging",
    removal: null,
    curator: C3,
    note: "Уровень 2 вместо предложенного по показателям уровня 1: КДН и ЗП признала семью находящейся в СОП по материалам ПДН ОВД (повторные сообщения о безнадзорности в вечернее время).",
  },
  // ---- identified, not registered yet ----
  { child: "fedorova", identifiedAgo: 14, delay: null, level: null, indicators: "Р6", source: "классный руководитель", profile: "none", removal: null, curator: C2, note: "=со слов соседей, ребёнок часто остаётся дома один" },
  { child: "egorov", identifiedAgo: 20, delay: null, level: null, indicators: "Р1, Р8", source: "ПДН ОВД", profile: "none", removal: null, curator: C3, note: "Ожидает рассмотрения на Совете профилактики." },
  { child: "damba", identifiedAgo: 5, delay: null, level: null, indicators: "С 12", source: "ПДН ОВД", profile: "none", removal: null, curator: C1, note: "" },
  { child: "khovalyg", identifiedAgo: 9, delay: null, level: null, indicators: "р7;р10", source: "педагог-психолог", profile: "none", removal: null, curator: C4, note: "Семья не внесена: ребёнок прибыл из другой школы, документы запрошены." },
];
