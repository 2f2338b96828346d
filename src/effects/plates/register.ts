// Hooks plate import into window drag-and-drop. Imported once by the de-age panel module.
import { dropHandlers } from '../../ui/dropHandlers';
import { importPlateBytes, PLATE_FILE_PATTERN } from './importPlate';

if (!dropHandlers.some((h) => h.id === 'plate')) {
  dropHandlers.push({
    id: 'plate',
    accepts: (f) => PLATE_FILE_PATTERN.test(f.name) || /^(image\/(png|jpeg|webp)|video\/(mp4|webm))$/.test(f.type),
    handle: async (f, at) => {
      await importPlateBytes(f.name, new Uint8Array(await f.arrayBuffer()), { at });
    },
  });
}
