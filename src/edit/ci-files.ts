// The CI that `backlog init` writes at the top of the git repository: a GitHub workflow or a
// GitLab job that validates the backlog folder, with the package pinned to the version that
// wrote it. ci/backlog.gitlab-ci.yml is the GitLab job for a backlog at the top.

export type CiChoice = 'github' | 'gitlab' | 'none';

export interface CiFile {
  /** From the top of the git repository. */
  path: string;
  text: string;
}

export interface CiSettings {
  /** The backlog folder from the top of the repository, `/`-separated; `.` at the top. */
  root: string;
  version: string;
  /** The repository's package.json lists the package: CI installs what its lock file pins (`npm ci`). */
  installed: boolean;
}

export const PACKAGE_NAME = 'migration-backlog';

/** The command line that runs the tool in CI: the repository's own install, or the published version that wrote it. */
function backlogCommand({ version, installed }: CiSettings): string {
  return installed ? 'npx backlog' : `npx --yes ${PACKAGE_NAME}@${version}`;
}

/** The line of a CI file that says where its version comes from. */
const writtenBy = (installed: boolean) =>
  installed
    ? '# Written by `backlog init`: the version is the one package.json and its lock file install.'
    : '# Written by `backlog init`, with the version that wrote it: raise it to upgrade.';

export function ciFile(choice: Exclude<CiChoice, 'none'>, settings: CiSettings): CiFile {
  return choice === 'github' ? { path: '.github/workflows/backlog.yml', text: githubWorkflow(settings) } : { path: '.gitlab-ci.yml', text: gitlabJob(settings) };
}

function githubWorkflow(settings: CiSettings): string {
  const { root, installed } = settings;
  const install = installed ? '\n          cache: npm\n      - run: npm ci' : '';
  return `# Validate the backlog on every pull request: annotations on its findings, a summary of the
# job, and the findings in code scanning.
${writtenBy(installed)}
name: backlog
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
  security-events: write
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20${install}
      - name: Validate the backlog
        run: ${yamlScalar(`${backlogCommand(settings)} validate --root ${shellWord(root)} -f github -f sarif=backlog.sarif`)}
      - name: Upload SARIF
        if: always()
        # Code scanning needs GitHub Advanced Security in a private repository.
        continue-on-error: true
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: backlog.sarif
          category: backlog
`;
}

function gitlabJob(settings: CiSettings): string {
  const { root, installed } = settings;
  return `# GitLab CI: check the backlog on every merge request and on the default branch. The merge
# request shows the findings a change adds and fixes (Code Quality) and the failed checks
# (tests); the job fails on errors.
${writtenBy(installed)}
backlog:
  image: node:20
  variables:
    BACKLOG_ROOT: ${yamlScalar(root)}   # the folder with backlog.yaml, from the top of the repository
    npm_config_cache: $CI_PROJECT_DIR/.npm
  cache:
    key: backlog-npm
    paths: [.npm/]
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:${installed ? '\n    - npm ci' : ''}
    - ${backlogCommand(settings)} validate --root "$BACKLOG_ROOT" -f stylish -f gitlab=gl-code-quality-report.json -f junit=backlog-junit.xml
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
      junit: backlog-junit.xml
`;
}

/** A folder name as one word of a shell command line. */
function shellWord(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Text as a YAML scalar: plain when nothing in it means something to YAML, else quoted (JSON's quoting is YAML's). */
function yamlScalar(text: string): string {
  return /^[\w./@=-][\w ./@=-]*$/.test(text) ? text : JSON.stringify(text);
}
