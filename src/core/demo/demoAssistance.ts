/**
 * «Помощь» of the demo register: help that agrees with each family and each episode's
 * indicators, dated within the report period and after the registration.
 */
import { addDays, daysBetween } from "../dates/isoDate";
import { parseIndicatorCodes } from "../indicators/parseCodes";
import { ASSISTANCE_COLUMNS, ASSISTANCE_KINDS, type AssistanceKind } from "../register/schema";
import {
  backToWorking,
  cycle,
  dateCell,
  makeRow,
  maxDate,
  onRegister,
  type BuiltEpisode,
  type DemoContext,
  type Row,
} from "./demoContext";
import { FAMILIES, type FamilySeed } from "./demoPeople";

// ---- «Помощь» -----------------------------------------------------------------------------

/** A kind of help with what it was, and whether it fits a family and an episode's indicators. */
interface HelpOption {
  readonly kind: AssistanceKind;
  readonly content: string;
  readonly fits: (family: FamilySeed | undefined, codes: readonly string[]) => boolean;
}

const HELP_TITLE = new Map(ASSISTANCE_KINDS.map((k) => [k.key, k.title]));

const has = (codes: readonly string[], ...wanted: string[]): boolean =>
  wanted.some((c) => codes.includes(c));
const needy = (f: FamilySeed | undefined, codes: readonly string[]): boolean =>
  /малообеспеч|многодет/.test(f?.status ?? "") || has(codes, "Р2", "Р3", "С2", "С3");
const always = (): boolean => true;

/**
 * Help that agrees with the family: a parent named in the help exists in «Семьи», material
 * help goes to low-income or large families (or Р2/Р3/С2/С3), employment to a family with
 * unemployment (Р1/С1), treatment where the indicators speak of health or drinking; a child
 * whose family is not entered gets help for the child only.
 */
export const HELP_OPTIONS: readonly HelpOption[] = [
  {
    kind: "psychological",
    content: "Индивидуальная консультация педагога-психолога",
    fits: always,
  },
  { kind: "psychological", content: "Коррекционно-развивающее занятие с ребёнком", fits: always },
  {
    kind: "psychological",
    content: "Консультация матери по детско-родительским отношениям",
    fits: (f) => (f?.mother ?? "") !== "",
  },
  {
    kind: "psychological",
    content: "Консультация отца по детско-родительским отношениям",
    fits: (f) => (f?.father ?? "") !== "",
  },
  {
    kind: "psychological",
    content: "Консультация опекуна по вопросам воспитания",
    fits: (f) => (f?.guardian ?? "") !== "",
  },
  { kind: "financial", content: "Бесплатное горячее питание (приказ по школе)", fits: needy },
  {
    kind: "financial",
    content: "Единовременная материальная помощь (решение родительского комитета)",
    fits: (f, c) => f !== undefined && needy(f, c),
  },
  {
    kind: "financial",
    content: "Содействие в оформлении единого пособия на ребёнка",
    fits: (f, c) => f !== undefined && needy(f, c),
  },
  {
    kind: "clothing",
    content: "Зимняя одежда и обувь (акция «Соберём детей в школу»)",
    fits: needy,
  },
  { kind: "clothing", content: "Комплект школьных принадлежностей", fits: needy },
  { kind: "clothing", content: "Школьная форма из фонда взаимопомощи", fits: needy },
  {
    kind: "employment",
    content: "Направление матери в центр занятости населения",
    fits: (f, c) => (f?.mother ?? "") !== "" && has(c, "Р1", "С1"),
  },
  {
    kind: "employment",
    content: "Содействие отцу в трудоустройстве на сезонные работы",
    fits: (f, c) => (f?.father ?? "") !== "" && has(c, "Р1", "С1"),
  },
  {
    kind: "treatment",
    content: "Запись к педиатру ЦКБ и сопровождение на приём",
    fits: (_f, c) => has(c, "Р4", "Р6", "С4", "С6", "С14"),
  },
  {
    kind: "treatment",
    content: "Направление родителя на консультацию к наркологу (по согласованию)",
    fits: (f, c) => ((f?.mother ?? "") !== "" || (f?.father ?? "") !== "") && has(c, "Р5", "С5"),
  },
  {
    kind: "treatment",
    content: "Содействие в получении путёвки в санаторий",
    fits: (_f, c) => has(c, "Р4", "Р6", "С4", "С6"),
  },
];

const familyOf = (e: BuiltEpisode): FamilySeed | undefined =>
  FAMILIES.find((f) => f.code === e.child.family);

/** The help that fits an episode's family and indicators. */
function fittingHelp(e: BuiltEpisode): HelpOption[] {
  const codes = parseIndicatorCodes(e.seed.indicators).codes;
  const family = familyOf(e);
  return HELP_OPTIONS.filter((o) => o.fits(family, codes));
}

/**
 * About 25 rows, every kind, dated within the report period and after each registration, each
 * agreeing with its family: first one row of each kind (for the first episode it fits), then
 * the episodes in turn, each with the next kind that fits it.
 */
export function assistanceRows(ctx: DemoContext, episodes: readonly BuiltEpisode[]): Row[] {
  const eligible = episodes.filter((e) => onRegister(e, ctx.on));
  const picks: { e: BuiltEpisode; help: HelpOption }[] = [];
  for (const kind of ASSISTANCE_KINDS) {
    for (const e of eligible) {
      const help = fittingHelp(e).find((o) => o.kind === kind.key);
      if (help) {
        picks.push({ e, help });
        break;
      }
    }
  }
  for (let i = 0; picks.length < 25 && i < 200 && eligible.length > 0; i++) {
    const e = cycle(eligible, i);
    const fits = fittingHelp(e);
    for (let k = 0; k < ASSISTANCE_KINDS.length; k++) {
      const kind = cycle(ASSISTANCE_KINDS, i + k).key;
      const options = fits.filter((o) => o.kind === kind);
      if (options.length > 0) {
        picks.push({ e, help: cycle(options, i) });
        break;
      }
    }
  }
  return picks.map(({ e, help }, i) => {
    const lower = maxDate(ctx.from, e.registered ?? ctx.from);
    const span = Math.max(0, daysBetween(lower, ctx.on));
    const date = backToWorking(ctx, addDays(lower, (i * 7 + 3) % (span + 1)), lower);
    return makeRow(ASSISTANCE_COLUMNS, {
      Код: e.code,
      Дата: dateCell(date),
      "Вид помощи": HELP_TITLE.get(help.kind) ?? null,
      Содержание: help.content,
    });
  });
}
