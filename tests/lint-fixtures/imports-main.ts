import { createCore } from '../main/core/core';
export const core = createCore;
