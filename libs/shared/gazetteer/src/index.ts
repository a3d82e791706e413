export { type Settlement, type District, type Gazetteer, parseGazetteer, loadGazetteer, splitCsvLine } from './gazetteer.js';
