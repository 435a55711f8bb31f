/** Shared layout styles of the pane: one column from 320 px, Fluent tokens only. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useFormStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    "> *": { minWidth: 0 },
  },
  // Side by side from about 400 px, one under the other in a narrow pane.
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalM,
    "> *": { flexGrow: 1, flexBasis: "170px", minWidth: 0 },
  },
  /** An input that takes its field's width (never its own intrinsic width). */
  input: { width: "100%", minWidth: 0 },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  /** A bulleted list inside a message bar: no browser indent. */
  bullets: {
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});
