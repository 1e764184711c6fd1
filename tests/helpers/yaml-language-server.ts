// The YAML language server (Red Hat's, behind VS Code's YAML extension and others), run in
// process: what an editor says about a backlog file under the schema its modeline names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server';

const SCHEMA_URI = 'file:///backlog.schema.json';
const schemaFile = join(import.meta.dirname, '..', '..', 'schemas', 'backlog.schema.json');

const service = getLanguageService({
  schemaRequestService: async (uri: string) => {
    if (uri !== SCHEMA_URI) throw new Error(`no schema at ${uri}`);
    return readFileSync(schemaFile, 'utf8');
  },
  workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).toString() },
});
service.configure({ validate: true, completion: false, hover: false, schemas: [{ uri: SCHEMA_URI, fileMatch: ['*.yaml'] }] });

export interface EditorProblem {
  line: number;
  message: string;
}

let version = 0;

/** The problems the editor shows for a backlog file (1-based lines), in line order. */
export async function editorProblems(text: string): Promise<EditorProblem[]> {
  // A new version each time: the server keeps what it parsed by document and version.
  version += 1;
  const document = TextDocument.create('file:///work/backlog.yaml', 'yaml', version, text);
  const diagnostics = await service.doValidation(document, false);
  return diagnostics.map((d) => ({ line: d.range.start.line + 1, message: d.message })).sort((a, b) => a.line - b.line);
}
