/**
 * State of 项目登记 (supervisor): the form's fields with their checks, the regions the supervisor may register in,
 * and the submission.
 *
 * @module
 */
import { registryApi, type ProjectDetail, type ProjectInput, type RegionOption } from '$lib/api';
import { Field, validateAll } from '$lib/forms/field.svelte';
import * as v from '$lib/forms/validators';
import { applyServerError, formErrorMessage } from '$lib/forms/server-errors';
import { handleError } from '$lib/utils/handle-error';
import { leafRegions } from './leaf-regions';
import { chosen, inspectionsPerYear, notBefore, optionalAmount, optionalDate } from './registry-validators';

const optionalText = (label: string, max = 200) => (value: string) =>
  value.trim().length > max ? `${label}不能超过${max}个字` : null;

type FieldName =
  | 'filingNumber'
  | 'name'
  | 'address'
  | 'regionCode'
  | 'constructorName'
  | 'constructorCreditCode'
  | 'builderName'
  | 'supervisionFirmName'
  | 'projectManager'
  | 'area'
  | 'contractAmount'
  | 'structure'
  | 'startDate'
  | 'expectedCompletionDate'
  | 'requiredInspectionsPerYear';

export class RegisterPage {
  readonly #startDate = new Field(optionalDate('开工日期'));
  readonly fields: Record<FieldName, Field> = {
    filingNumber: new Field(v.filingNumber),
    name: new Field(v.required('项目名称')),
    address: new Field(optionalText('项目地址')),
    regionCode: new Field(chosen('所在区县')),
    constructorName: new Field(v.required('施工单位名称')),
    constructorCreditCode: new Field(v.creditCode, { normalize: v.upperCase }),
    builderName: new Field(optionalText('建设单位')),
    supervisionFirmName: new Field(optionalText('监理单位')),
    projectManager: new Field(optionalText('项目经理', 50)),
    area: new Field(optionalAmount('建筑面积')),
    contractAmount: new Field(optionalAmount('合同金额', 4)),
    structure: new Field(optionalText('结构类型', 50)),
    startDate: this.#startDate,
    expectedCompletionDate: new Field(notBefore(() => this.#startDate.value, '计划竣工日期', '开工日期')),
    requiredInspectionsPerYear: new Field(inspectionsPerYear, { initial: '3' }),
  };
  special = $state(false);
  regions = $state<RegionOption[]>([]);
  submitting = $state(false);
  formError = $state<string | null>(null);
  /** The project just registered, for the success message. */
  registered = $state<ProjectDetail | null>(null);

  async loadRegions(): Promise<void> {
    try {
      this.regions = (await registryApi.listRegions()).regions;
    } catch (error) {
      this.formError = handleError(error, '加载辖区列表失败') ?? null;
    }
  }

  /** Districts (and a city without districts) are where a project is registered. */
  get districtOptions(): Array<{ code: string; label: string }> {
    return leafRegions(this.regions);
  }

  /** Special projects default to 6 inspections a year unless the supervisor typed another number. */
  setSpecial(special: boolean): void {
    this.special = special;
    const count = this.fields.requiredInspectionsPerYear;
    if (special && count.value === '3') count.value = '6';
    if (!special && count.value === '6') count.value = '3';
  }

  toInput(): ProjectInput {
    const f = this.fields;
    const text = (field: Field) => field.value.trim() || undefined;
    const number = (field: Field) => (field.value.trim() === '' ? undefined : Number(field.value));
    return {
      filingNumber: f.filingNumber.value.trim(),
      name: f.name.value.trim(),
      address: text(f.address),
      regionCode: f.regionCode.value,
      constructorName: f.constructorName.value.trim(),
      constructorCreditCode: f.constructorCreditCode.value.trim(),
      builderName: text(f.builderName),
      supervisionFirmName: text(f.supervisionFirmName),
      projectManager: text(f.projectManager),
      area: number(f.area),
      contractAmount: number(f.contractAmount),
      structure: text(f.structure),
      startDate: text(f.startDate),
      expectedCompletionDate: text(f.expectedCompletionDate),
      special: this.special,
      requiredInspectionsPerYear: Number(f.requiredInspectionsPerYear.value),
    };
  }

  async submit(): Promise<boolean> {
    this.formError = null;
    if (!validateAll(this.fields)) return false;
    this.submitting = true;
    try {
      this.registered = (await registryApi.registerProject(this.toInput())).project;
      for (const field of Object.values(this.fields)) field.reset();
      this.fields.requiredInspectionsPerYear.reset('3');
      this.special = false;
      return true;
    } catch (error) {
      if (!applyServerError(error, this.fields, { filing_number_taken: 'filingNumber' })) this.formError = formErrorMessage(error, '登记失败，请稍后重试');
      return false;
    } finally {
      this.submitting = false;
    }
  }
}
