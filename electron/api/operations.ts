/**
 * The name of every operation, and nothing else: the preload and the renderer's web transport import this
 * list at run time, so neither needs the zod schemas of contract.ts. The contract checks that both agree.
 */
export const operationNames = [
  'getStatus',
  'getDashboard',
  'getSettings',
  'updateSettings',
  'listAudit',
  'listBackups',
  'restoreBackup',
  'exportDatabase',
  'previewDeviceImport',
  'importDevices',
  'undoImport',
  'listImportBatches',
  'getRejectedRows',
  'listMappingTemplates',
  'saveMappingTemplate',
  'renameMappingTemplate',
  'deleteMappingTemplate',
  'listDevices',
  'getDeviceFacets',
  'getDevice',
  'updateDevice',
  'bulkUpdateDevices',
  'startDevicePreview',
  'startDeviceImport',
  'getJob',
  'cancelJob',
  'importAdvisory',
  'saveManualAdvisory',
  'listAdvisories',
  'listAffected',
  'confirmMatch',
  'setPatchStatus',
  'getAdvisory',
  'listMatchSuggestions',
  'rejectModel',
  'getProductCatalog',
  'saveVendorAlias',
  'deleteVendorAlias',
  'saveModelAlias',
  'deleteModelAlias',
  'deleteMatchRule',
  'getSiteModel',
  'saveSiteModel',
  'previewPlan',
  'applyPlan',
  'listWindows',
  'saveWindow',
  'deleteWindow',
  'unlockWindow',
  'completeTask',
  'setDeviceState',
  'exportIcs',
  'previewReport',
  'exportReport',
  'savePdf',
  'openDemo',
  'leaveDemo',
  'restartDemo',
] as const;

export type OperationName = (typeof operationNames)[number];

export const isOperationName = (name: string): name is OperationName =>
  (operationNames as readonly string[]).includes(name);

/** IPC channel of an operation; main registers exactly these, the preload invokes exactly these. */
export const ipcChannel = (name: OperationName): `isopatch:${OperationName}` => `isopatch:${name}`;
