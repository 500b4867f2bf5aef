export { isSnapshotFile, parseSnapshotFile, snapshotFileInspector, testFileOf, testNameOfKey, type SnapshotEntry, type SnapshotFileFacts } from './snap-file.js';
export {
  inlineSnapshotInspector,
  inspectSnapshotTestFile,
  isSnapshotTestSource,
  type InlineSnapshot,
  type NameSegment,
  type SnapshotTestFileFacts,
  type SnapshotTestName,
} from './test-file.js';
export { imageSnapshotFolder, isImageSnapshot, snapshotProjectInspector, type SnapshotProjectFacts } from './project.js';
export { dedent, hashValue, normaliseSnapshotValue } from './value.js';
