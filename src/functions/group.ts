/**
 * GROUP / ГРУППА: the suggested target group of a list of indicator codes
 * (src/core/indicators: 2 with any С-code, 1 with any Р-code, 0 with none).
 */
import { parseIndicatorCodes } from "../core/indicators/parseCodes";
import { suggestTargetGroup, type SuggestedGroup } from "../core/indicators/targetGroup";
import { invalidInput } from "./errors";
import { textArg } from "./values";

/**
 * The suggested group of a code list as typed in «Показатели» («Р2, С14», «p2;c14»).
 * An empty list gives 0.
 * @throws FunctionInputError naming the tokens that are not indicator codes
 * @example suggestedGroup("Р2, С14") //=> 2
 */
export function suggestedGroup(codes: unknown): SuggestedGroup {
  const parsed = parseIndicatorCodes(textArg(codes));
  if (parsed.unknown.length > 0) {
    throw invalidInput(
      `Неизвестные коды показателей: ${parsed.unknown.join(", ")}. Коды: Р1–Р11, С1–С15.`
    );
  }
  return suggestTargetGroup(parsed.codes).group;
}
