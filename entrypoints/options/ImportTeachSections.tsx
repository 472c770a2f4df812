import { ExportSection } from '../../components/options/ExportSection';
import { ImportSection } from '../../components/options/ImportSection';
import { ProductsSection } from '../../components/options/ProductsSection';
import { ProfilesSection } from '../../components/options/ProfilesSection';
import type { UiText } from '../../lib/i18n';
import { useCsvExport } from './useCsvExport';
import { useImportHistory } from './useImportHistory';
import { useProfiles } from './useProfiles';
import { useSiteReaders } from './useSiteReaders';
import './import-teach.css';

/** The options page's sections on where history comes from: import and export, taught pages, supported products. */
export function ImportTeachSections({ text }: { text: UiText }) {
  const importing = useImportHistory();
  const csv = useCsvExport();
  const profiles = useProfiles();
  const readers = useSiteReaders();
  return (
    <>
      <ImportSection
        state={importing.state}
        fields={importing.fields}
        sources={importing.sources}
        kind={importing.choices.kind}
        encoding={importing.choices.encoding}
        text={text}
        onChoose={importing.choose}
        onColumn={importing.setColumn}
        onKind={importing.setKind}
        onEncoding={importing.setEncoding}
        onImport={importing.importNow}
        onCancel={importing.cancel}
      />
      <ExportSection text={text} onExport={csv.download} />
      <ProfilesSection profiles={profiles.profiles} text={text} onDelete={profiles.remove} onExport={profiles.exportAll} onImport={profiles.importFile} />
      <ProductsSection readers={readers} text={text} />
    </>
  );
}
