// ts-jest AST transformer (jest.config.js): `import.meta.url` → the CommonJS module's file URL.
//
// The tests are written for node:test under tsx, where `createRequire(import.meta.url)` works;
// Jest runs them as CommonJS (tsconfig.jest.json), where `import.meta` is a syntax error. Only
// `import.meta.url` is rewritten; any other use of `import.meta` is left for Jest to reject.
// A top-level `const require = createRequire(…)` is dropped: in CommonJS the module already has
// its own `require` (Jest's, resolving relative to the same file), and redeclaring it is a
// syntax error.
"use strict";

const name = "vshu-import-meta-url";
const version = "2";

function factory(tsCompiler) {
  const ts = tsCompiler.configSet.compilerModule;
  return (context) => {
    const f = context.factory;
    const visit = (node) => {
      if (
        ts.isPropertyAccessExpression(node) &&
        ts.isMetaProperty(node.expression) &&
        node.expression.keywordToken === ts.SyntaxKind.ImportKeyword &&
        node.name.text === "url"
      ) {
        // require("node:url").pathToFileURL(__filename).href
        return f.createPropertyAccessExpression(
          f.createCallExpression(
            f.createPropertyAccessExpression(
              f.createCallExpression(f.createIdentifier("require"), undefined, [
                f.createStringLiteral("node:url"),
              ]),
              "pathToFileURL"
            ),
            undefined,
            [f.createIdentifier("__filename")]
          ),
          "href"
        );
      }
      return ts.visitEachChild(node, visit, context);
    };
    const isRequireFromCreateRequire = (statement) =>
      ts.isVariableStatement(statement) &&
      statement.declarationList.declarations.length === 1 &&
      ts.isIdentifier(statement.declarationList.declarations[0].name) &&
      statement.declarationList.declarations[0].name.text === "require" &&
      statement.declarationList.declarations[0].initializer !== undefined &&
      ts.isCallExpression(statement.declarationList.declarations[0].initializer) &&
      ts.isIdentifier(statement.declarationList.declarations[0].initializer.expression) &&
      statement.declarationList.declarations[0].initializer.expression.text === "createRequire";
    return (sourceFile) => {
      const kept = sourceFile.statements.filter((s) => !isRequireFromCreateRequire(s));
      const updated =
        kept.length === sourceFile.statements.length
          ? sourceFile
          : f.updateSourceFile(sourceFile, kept);
      return ts.visitNode(updated, visit);
    };
  };
}

module.exports = { name, version, factory };
