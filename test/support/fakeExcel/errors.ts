/**
 * Errors of the fake Excel, shaped like OfficeExtension.Error: a `code` from Excel's list
 * (ItemNotFound, InvalidArgument, PropertyNotLoaded, ApiNotFound, …) and a message.
 */
export type FakeErrorCode =
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "PropertyNotLoaded"
  | "ApiNotFound"
  | "InvalidObjectPath"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded";

export class FakeExcelError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: { readonly code: FakeErrorCode; readonly message: string };

  constructor(code: FakeErrorCode, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message };
  }
}
