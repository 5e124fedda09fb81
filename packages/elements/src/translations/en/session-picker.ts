import type { sessionPicker as fr } from '../fr/session-picker.js';

export const sessionPicker: typeof fr = {
  title: 'Choose a session at a La Poste centre',
  intro: 'Choose the exam centre and the time of the exam:',
  city: 'City',
  centre: 'Exam centre',
  time: 'Date and time of the exam',
  chooseCity: 'Choose a city',
  chooseCentre: 'Choose a centre',
  chooseTime: 'Choose a time',
  cityFirst: 'Choose a city first.',
  centreFirst: 'Choose an exam centre first.',
  seatsOne: '1 seat left',
  seats: '{n} seats left',
  notEnoughSeats: '{n} seats left: {needed} are needed.',
  empty: 'No upcoming session has a free seat in the La Poste centres. Try again later.',
  back: 'Back',
  select: 'Select the session',
  chooseFirst: 'Choose a city, an exam centre and a time.',
  at: '{day} - {hour}:{minute}',
};
