import { DiagnosisModule } from '@kapocs/diagnosis/infrastructure';
import { runMain } from '@kapocs/platform/runtime';

runMain({ 'diagnosis': DiagnosisModule });
