/**
 * The four «Представление» (documents.md §2–5): annex 3 `vshu-child` and 3-а `vshu-family` to
 * the school's Совет профилактики, annex 4 `kdn-child` and 4-а `kdn-family` to the municipal
 * КДН и ЗП. Level-1 filings say «группы риска на ранней стадии семейного неблагополучия», not
 * «социально опасное положение», which only the commission establishes (120-ФЗ ст. 1).
 */
import type { Level } from "../indicators/catalog";
import type { Episode } from "../register/model";
import {
  birthYear,
  familyChildren,
  familyNames,
  familyStatus,
  filingLevel,
  fullName,
  indicatorWordings,
  label,
  LEVEL_WORDS,
  line,
  orBlank,
  schoolName,
  shortName,
  sourceWording,
  value,
  type DocumentContext,
} from "./common";
import {
  DOCUMENT_NAMES,
  type DocumentBlock,
  type DocumentKind,
  type DocumentModel,
  type FieldValue,
  type LineBlock,
} from "./model";

const SCHOOL_CAPTION = "(наименование образовательной организации)";
const SOURCE_CAPTION = "(ПДН ОВД, КДН, органов социальной защиты, опеки (попечительства))";
const STATUS_CAPTION =
  "(полноценная, многодетная, одинокая мать/отец, малообеспеченная, опекаемая)";
const CHILDREN_CAPTION = "(имя, год рождения, где обучается или работает (не работает))";
const NAME_CAPTION = "(Ф.И.О.)";
const COMMISSION = "В комиссию по делам несовершеннолетних и защите их прав";
const DISTRICT_CAPTION = "(район, город)";

/**
 * A field over several lines: the label and the first value on the first line, each further
 * value on a line of its own, the caption under the last. No value: one blank line and one
 * more blank line under it when `spare` (room to write by hand).
 */
export function multiLine(
  labelText: string,
  values: readonly string[],
  caption?: string,
  spare = false
): LineBlock[] {
  const list: FieldValue[] = values.length > 0 ? [...values] : spare ? [null, null] : [null];
  return list.map((v, i) => {
    const cap = i === list.length - 1 ? caption : undefined;
    return i === 0 ? line(label(labelText), value(v, cap)) : line(value(v, cap));
  });
}

/** The indicators one a line, with «;» between them and «.» after the last. */
function reasonLines(codes: readonly string[], level2First: boolean): string[] {
  const list = indicatorWordings(codes, level2First);
  return list.map((t, i) => `${t}${i === list.length - 1 ? "." : ";"}`);
}

/** « обучающихся группы риска …» / «, находящихся в социально опасном положении». */
function groupTail(level: Level): string {
  return level === 2 ? `, ${LEVEL_WORDS[2]}` : ` ${LEVEL_WORDS[1]}`;
}

function schoolCorner(ctx: DocumentContext): DocumentBlock {
  return {
    type: "corner",
    lines: [
      line(label("В Совет профилактики")),
      line(value(schoolName(ctx.settings), SCHOOL_CAPTION)),
    ],
  };
}

function commissionCorner(ctx: DocumentContext): DocumentBlock {
  return {
    type: "corner",
    lines: [
      line(label(COMMISSION)),
      line(value(orBlank(ctx.settings.district), DISTRICT_CAPTION)),
      line(value(schoolName(ctx.settings), SCHOOL_CAPTION)),
    ],
  };
}

/** «Фамилия ___ имя ___ отчество ___» and «Обучающегося ___ класса ___ год рождения ___». */
function childLines(ctx: DocumentContext, e: Episode, capitalised: boolean): DocumentBlock[] {
  return [
    line(
      label("Фамилия"),
      value(orBlank(e.lastName)),
      label(capitalised ? "Имя" : "имя"),
      value(orBlank(e.firstName)),
      label(capitalised ? "Отчество" : "отчество"),
      value(orBlank(e.patronymic))
    ),
    line(
      label("Обучающегося"),
      value(orBlank(e.className), undefined, 0.35),
      label("класса"),
      value(schoolName(ctx.settings), undefined, 2),
      label("год рождения"),
      value(birthYear(e), undefined, 0.45)
    ),
  ];
}

/** «считаем необходимым (Ф.И.О.) ___ обучающегося ___ класса». */
function resolutionChild(e: Episode): LineBlock {
  return line(
    label("считаем необходимым"),
    value(orBlank(fullName(e)), NAME_CAPTION, 3),
    label("обучающегося"),
    value(orBlank(e.className), undefined, 0.35),
    label("класса")
  );
}

/** The family's fields 3–9 of annexes 3-а / 4-а. */
function familyLines(ctx: DocumentContext): DocumentBlock[] {
  const f = ctx.family;
  return [
    line(label("Социальный статус"), value(familyStatus(f), STATUS_CAPTION)),
    line(label("Мать"), value(orBlank(f?.mother), NAME_CAPTION)),
    line(label("Отец"), value(orBlank(f?.father), NAME_CAPTION)),
    line(label("Опекун (попечитель)"), value(orBlank(f?.guardian), NAME_CAPTION)),
    line(label("Адрес фактического проживания"), value(orBlank(f?.address))),
    line(label("Адрес регистрации"), value(orBlank(f?.registrationAddress))),
    ...multiLine("Имеются дети", familyChildren(ctx), CHILDREN_CAPTION),
  ];
}

function sourceLine(e: Episode): LineBlock {
  return line(label("а также по представлению"), value(sourceWording(e.source), SOURCE_CAPTION));
}

function model(
  kind: DocumentKind,
  e: Episode,
  subject: string,
  blocks: DocumentBlock[]
): DocumentModel {
  return { kind, name: DOCUMENT_NAMES[kind], subject, caseCode: e.code, onePage: true, blocks };
}

function familySubject(e: Episode): string {
  return e.familyCode !== "" ? `семья ${e.familyCode}` : `семья ${shortName(e)}`;
}

/** Annex 3: to the Совет профилактики, a child. */
export function vshuChild(ctx: DocumentContext, e: Episode): DocumentModel {
  const level = filingLevel(e);
  return model("vshu-child", e, shortName(e), [
    schoolCorner(ctx),
    { type: "space" },
    { type: "title", lines: ["Представление", "на постановку на внутришкольный учет"] },
    { type: "space" },
    ...childLines(ctx, e, false),
    ...multiLine("За", reasonLines(e.indicators, false), undefined, true),
    sourceLine(e),
    resolutionChild(e),
    { type: "text", text: `поставить на внутришкольный учет обучающихся${groupTail(level)}.` },
    { type: "space" },
    {
      type: "signature",
      role: "Классный руководитель (воспитатель, социальный педагог)",
      name: null,
      date: null,
    },
  ]);
}

/** Annex 3-а: to the Совет профилактики, a family. */
export function vshuFamily(ctx: DocumentContext, e: Episode): DocumentModel {
  const level = filingLevel(e);
  return model("vshu-family", e, familySubject(e), [
    schoolCorner(ctx),
    { type: "space" },
    { type: "title", lines: ["Представление", "на постановку на внутришкольный учет семьи"] },
    { type: "space" },
    ...familyLines(ctx),
    ...multiLine(
      "За",
      reasonLines(e.indicators, false),
      "(причины постановки на внутришкольный учет)",
      true
    ),
    sourceLine(e),
    line(label("считаем необходимым семью"), value(familyNames(ctx.family, e))),
    { type: "text", text: `поставить на внутришкольный учет семей${groupTail(level)}.` },
    { type: "space" },
    {
      type: "signature",
      role: "Классный руководитель (воспитатель, социальный педагог)",
      name: null,
      date: null,
    },
  ]);
}

/** Annex 4: to the КДН и ЗП, a child (С-indicators first). */
export function kdnChild(ctx: DocumentContext, e: Episode): DocumentModel {
  return model("kdn-child", e, shortName(e), [
    commissionCorner(ctx),
    { type: "space" },
    {
      type: "title",
      lines: ["Представление", "на постановку на муниципальный учет (несовершеннолетний)"],
    },
    { type: "space" },
    ...childLines(ctx, e, true),
    ...multiLine("За", reasonLines(e.indicators, true), undefined, true),
    sourceLine(e),
    resolutionChild(e),
    {
      type: "text",
      text: "поставить на учет обучающихся, находящихся в социально опасном положении.",
    },
    { type: "space" },
    { type: "signature", role: "Директор ОУ", name: orBlank(ctx.settings.director) },
    {
      type: "signature",
      role: "Заместитель директора по воспитательной работе",
      name: orBlank(ctx.settings.deputy),
      date: null,
    },
  ]);
}

/** Annex 4-а: to the КДН и ЗП, a family. */
export function kdnFamily(ctx: DocumentContext, e: Episode): DocumentModel {
  return model("kdn-family", e, familySubject(e), [
    commissionCorner(ctx),
    { type: "space" },
    { type: "title", lines: ["Представление", "на постановку на муниципальный учет семьи"] },
    { type: "space" },
    ...familyLines(ctx),
    ...multiLine("За", reasonLines(e.indicators, true), "(причины постановки на учет)", true),
    sourceLine(e),
    line(label("считаем необходимым семью"), value(familyNames(ctx.family, e))),
    {
      type: "text",
      text: "поставить на учет семей, находящихся в социально опасном положении.",
    },
    { type: "space" },
    { type: "signature", role: "Директор школы", name: orBlank(ctx.settings.director) },
    {
      type: "signature",
      role: "Заместитель директора по воспитательной (социальной) работе",
      name: orBlank(ctx.settings.deputy),
      date: null,
    },
  ]);
}
