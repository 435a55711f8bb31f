/**
 * One entry point for every kind: the document model from a prepared context (./request.ts).
 */
import type { Quarter } from "../register/schema";
import type { DocumentContext } from "./common";
import type { DocumentKind, DocumentModel } from "./model";
import { registrationOrder } from "./order";
import { supportPlan } from "./plan";
import { kdnChild, kdnFamily, vshuChild, vshuFamily } from "./representation";
import { signalCard } from "./signal";
import { whyOnRegister } from "./why";

/**
 * Builds a document. Every kind but `signal` needs the context's episode; `plan` needs its
 * quarter (prepareDocument gives both).
 * @throws RangeError when the context lacks what the kind needs
 */
export function buildDocument(
  kind: DocumentKind,
  ctx: DocumentContext,
  quarter: Quarter | null = null
): DocumentModel {
  if (kind === "signal") {
    return signalCard(ctx);
  }
  const e = ctx.episode;
  if (e === null) {
    throw new RangeError(`buildDocument: «${kind}» needs an episode`);
  }
  switch (kind) {
    case "vshu-child":
      return vshuChild(ctx, e);
    case "vshu-family":
      return vshuFamily(ctx, e);
    case "kdn-child":
      return kdnChild(ctx, e);
    case "kdn-family":
      return kdnFamily(ctx, e);
    case "plan":
      if (quarter === null) {
        throw new RangeError("buildDocument: a plan needs its quarter");
      }
      return supportPlan(ctx, e, quarter);
    case "order":
      return registrationOrder(ctx, e);
    case "why":
      return whyOnRegister(ctx, e);
  }
}
