/** The part of unzipper's API the package reader uses (the package ships no types). */
declare module "unzipper" {
  export interface File {
    readonly path: string;
    readonly type: "File" | "Directory";
    stream(): NodeJS.ReadableStream;
    buffer(): Promise<Buffer>;
  }
  export interface Directory {
    readonly files: File[];
  }
  const unzipper: {
    Open: { buffer(data: Buffer): Promise<Directory>; file(path: string): Promise<Directory> };
  };
  export default unzipper;
}
