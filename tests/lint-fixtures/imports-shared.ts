import { windowQuery } from '../../shared/windows';
export const query = windowQuery({ kind: 'workstation' });
