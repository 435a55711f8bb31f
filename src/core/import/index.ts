/** CSV import and export of register sheets: the pure part shared by `vshu` and the add-in. */
export * from "./columns";
export * from "./delimiter";
export * from "./encoding";
export * from "./exportCsv";
export * from "./plan";
