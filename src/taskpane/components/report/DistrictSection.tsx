/**
 * The coordinator's consolidation in a workbook that is not a register (the coordinator's own
 * book): a collapsed section under «Создать книгу учёта».
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
} from "@fluentui/react-components";
import type { RegisterGateway } from "../../../excel/gateway";
import { ConsolidatePanel } from "./ConsolidatePanel";

export function DistrictSection({ gateway }: { readonly gateway: RegisterGateway }) {
  return (
    <Accordion collapsible>
      <AccordionItem value="district">
        <AccordionHeader>Сводный отчёт района (для координатора)</AccordionHeader>
        <AccordionPanel>
          <ConsolidatePanel gateway={gateway} />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
